import {
  Alert,
  Button,
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
  Field,
  FieldDescription,
  Fieldset,
  FieldsetLegend,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Textarea,
  ValidationMessage,
} from '../../ui/ds-server.js';
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

/** ids the input is described by: its hint and its error, so a screen reader reads both. */
function describedBy(state: TipFormState, field: TipFormField): string | undefined {
  const ids = [
    hintOf[field] ? `${fieldId(field)}-hint` : null,
    state.errors.some((e) => e.field === field) ? `${fieldId(field)}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ t, state, field }: FieldProps & { field: TipFormField }) {
  const hint = hintOf[field];
  const error = state.errors.find((e) => e.field === field);
  return (
    <>
      {hint ? <FieldDescription id={`${fieldId(field)}-hint`}>{t(hint)}</FieldDescription> : null}
      {error ? (
        <ValidationMessage id={`${fieldId(field)}-error`}>{error.message}</ValidationMessage>
      ) : null}
    </>
  );
}

function LabelText({ t, field }: Pick<FieldProps, 't'> & { field: TipFormField }) {
  return (
    <>
      {t(`form.fields.${field}`)}
      {REQUIRED.has(field) ? ` (${t('form.required')})` : ''}
    </>
  );
}

function TextField(
  props: FieldProps & {
    field: TipTextField;
    type?: 'text' | 'email' | 'tel';
    autoComplete?: string;
    multiline?: boolean;
  },
) {
  const { state, field } = props;
  const common = {
    id: fieldId(field),
    name: field,
    defaultValue: state.values[field],
    'aria-invalid': state.errors.some((e) => e.field === field) ? true : undefined,
    'aria-describedby': describedBy(state, field),
  };
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>
        <LabelText t={props.t} field={field} />
      </Label>
      <Extras {...props} />
      {props.multiline ? (
        <Textarea {...common} rows={3} />
      ) : (
        <Input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} />
      )}
    </Field>
  );
}

function MunicipalityField(
  props: FieldProps & { field: 'tipperMunicipality' | 'personMunicipality' },
) {
  const { state, field, t } = props;
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>
        <LabelText t={t} field={field} />
      </Label>
      <Extras {...props} />
      <Select
        id={fieldId(field)}
        name={field}
        defaultValue={state.values[field]}
        aria-invalid={state.errors.some((e) => e.field === field) ? true : undefined}
        aria-describedby={describedBy(state, field)}
      >
        <option value="">
          {field === 'tipperMunicipality'
            ? t('form.otherMunicipality')
            : t('form.chooseMunicipality')}
        </option>
        {state.municipalities.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function CheckField(props: FieldProps & { field: TipFormCheck }) {
  const { state, field, t } = props;
  return (
    <Field>
      <Input
        type="checkbox"
        id={fieldId(field)}
        name={field}
        value="yes"
        defaultChecked={state.values[field]}
        aria-invalid={state.errors.some((e) => e.field === field) ? true : undefined}
        aria-describedby={describedBy(state, field)}
      />
      <Label htmlFor={fieldId(field)}>{t(`form.fields.${field}`)}</Label>
      <Extras {...props} />
    </Field>
  );
}

function Errors({ t, state }: FieldProps) {
  if (state.errors.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummaryHeading>{t('form.errorSummary')}</ErrorSummaryHeading>
      <ErrorSummaryList>
        {state.errors.map((e) => (
          <ErrorSummaryItem key={e.field}>
            <ErrorSummaryLink href={`#${fieldId(e.field)}`}>{e.message}</ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
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
      <Errors {...props} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      {state.campaign.intro ? <Paragraph data-size="lg">{state.campaign.intro}</Paragraph> : null}
      <Paragraph>{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/tips/${state.campaign.slug}`)}
        noValidate
      >
        <input type="hidden" name="started" value={state.started} />
        <input type="hidden" name="key" value={state.key} />
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
        {/* A trap for robots: hidden from people and screen readers, so only a robot fills it. */}
        <div hidden>
          <label htmlFor="tip-website">{t('form.honeypot')}</label>
          <input id="tip-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="fh-section">
          <Button type="submit">{t('form.submit')}</Button>
        </div>
      </form>
    </div>
  );
}
