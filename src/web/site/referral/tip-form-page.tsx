import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '../../ui/ds-server.js';
import {
  CheckboxField,
  FormErrorSummary,
  FormGuards,
  SelectField,
  TextInputField,
} from '../form-fields.js';
import { localePath } from '../text.js';
import type { ReferralPageProps } from './render.js';
import type { ReferralKey } from './text.js';
import {
  fieldId,
  type TipFormCheck,
  type TipFormField,
  type TipFormState,
  type TipTextField,
} from './types.js';

type FieldProps = ReferralPageProps & { state: TipFormState };

const hintOf: Partial<Record<TipFormField, ReferralKey>> = {
  tipperEmail: 'form.hints.tipperContact',
  personPhone: 'form.hints.personContact',
  personHousehold: 'form.hints.personHousehold',
  tipperMayBeNamed: 'form.hints.tipperMayBeNamed',
  tipperWantsNews: 'form.hints.tipperWantsNews',
};

const REQUIRED = new Set<TipFormField>(['tipperName', 'personName', 'personMunicipality']);

/** What every field of the form shows: its id, label, hint and error. */
function fieldOf({ t, state }: FieldProps, field: TipFormField) {
  const hint = hintOf[field];
  return {
    id: fieldId(field),
    name: field,
    label: `${t(`form.fields.${field}`)}${REQUIRED.has(field) ? ` (${t('form.required')})` : ''}`,
    hint: hint ? t(hint) : undefined,
    error: state.errors.find((e) => e.field === field)?.message,
  };
}

function TextField(
  props: FieldProps & {
    field: TipTextField;
    type?: 'text' | 'email' | 'tel';
    autoComplete?: string;
    multiline?: boolean;
  },
) {
  return (
    <TextInputField
      {...fieldOf(props, props.field)}
      defaultValue={props.state.values[props.field]}
      type={props.type}
      autoComplete={props.autoComplete}
      rows={props.multiline ? 3 : undefined}
    />
  );
}

function MunicipalityField(
  props: FieldProps & { field: 'tipperMunicipality' | 'personMunicipality' },
) {
  const { state, field, t } = props;
  const none =
    field === 'tipperMunicipality' ? t('form.otherMunicipality') : t('form.chooseMunicipality');
  return (
    <SelectField
      {...fieldOf(props, field)}
      defaultValue={state.values[field]}
      options={[['', none], ...state.municipalities.map((m): [string, string] => [m.code, m.name])]}
    />
  );
}

function CheckField(props: FieldProps & { field: TipFormCheck }) {
  const { state, field, t } = props;
  return (
    <CheckboxField
      {...fieldOf(props, field)}
      label={t(`form.fields.${field}`)}
      checked={state.values[field]}
    />
  );
}

/** The public tip form: works without JavaScript; errors on top, each linking to its field. */
export function TipFormPage(props: FieldProps) {
  const { input, t, state } = props;
  const f = (field: TipTextField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField {...props} field={field} {...extra} />
  );
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {state.campaign.title}
      </Heading>
      <FormErrorSummary heading={t('form.errorSummary')} errors={state.errors} idOf={fieldId} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      {state.campaign.intro ? <Paragraph data-size="lg">{state.campaign.intro}</Paragraph> : null}
      <Paragraph>{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/tips/${state.campaign.slug}`)}
        noValidate
      >
        <FormGuards
          started={state.started}
          formKey={state.key}
          trapId="tip-website"
          trapLabel={t('form.honeypot')}
        />
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.tipperLegend')}</FieldsetLegend>
            {f('tipperName', { autoComplete: 'name' })}
            {f('tipperEmail', { type: 'email', autoComplete: 'email' })}
            {f('tipperPhone', { type: 'tel', autoComplete: 'tel' })}
            <MunicipalityField {...props} field="tipperMunicipality" />
          </Fieldset>
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.personLegend')}</FieldsetLegend>
            {f('personName')}
            {f('personPhone', { type: 'tel' })}
            {f('personAddressLine')}
            {f('personPostcode', { autoComplete: 'off' })}
            {f('personCity')}
            {f('personLivesNow')}
            <MunicipalityField {...props} field="personMunicipality" />
            {f('personHousehold')}
            {f('personConnection', { multiline: true })}
            {f('personReason', { multiline: true })}
          </Fieldset>
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.consentLegend')}</FieldsetLegend>
            <CheckField {...props} field="tipperMayBeNamed" />
            <CheckField {...props} field="tipperWantsNews" />
            <CheckField {...props} field="welcomeConfirmed" />
          </Fieldset>
          <Paragraph data-size="sm">{t('form.privacy')}</Paragraph>
        </div>
        <div className="fh-section">
          <Button type="submit">{t('form.submit')}</Button>
        </div>
      </form>
    </div>
  );
}
