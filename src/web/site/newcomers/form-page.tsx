import { REASONS } from '../../../contracts/newcomers.js';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  FieldsetLegend,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '../../ui/ds-server.js';
import {
  CheckboxField,
  FormErrorSummary,
  FormGuards,
  SelectField,
  TextInputField,
} from '../form-fields.js';
import { localePath } from '../text.js';
import type { NewcomerPageProps } from './render.js';
import type { NewcomersKey } from './text.js';
import {
  type CheckField,
  type FormField,
  fieldId,
  type NewcomerFormState,
  type TextField,
} from './types.js';

type Props = NewcomerPageProps & { state: NewcomerFormState };

const HINTS: Partial<Record<FormField, NewcomersKey>> = {
  adult1Email: 'form.hints.adult1Email',
  childrenBirthYears: 'form.hints.childrenBirthYears',
  movingDate: 'form.hints.movingDate',
};
const REQUIRED = new Set<FormField>(['municipalityCode', 'adult1Name', 'movingDate']);

const errorOf = (state: NewcomerFormState, field: FormField) =>
  state.errors.find((e) => e.field === field);

/** What every field of the form shows: its id, label, hint and error. */
function fieldOf({ t, state }: Props, field: FormField) {
  const hint = HINTS[field];
  return {
    id: fieldId(field),
    name: field,
    label: `${t(`form.fields.${field}`)}${REQUIRED.has(field) ? ` (${t('form.required')})` : ''}`,
    hint: hint ? t(hint) : undefined,
    error: errorOf(state, field)?.message,
  };
}

function TextInput(
  props: Props & {
    field: TextField;
    type?: 'text' | 'email' | 'tel' | 'date';
    autoComplete?: string;
    inputMode?: 'numeric';
  },
) {
  return (
    <TextInputField
      {...fieldOf(props, props.field)}
      defaultValue={props.state.values[props.field]}
      type={props.type}
      autoComplete={props.autoComplete}
      inputMode={props.inputMode}
    />
  );
}

function SelectInput(
  props: Props & { field: 'municipalityCode' | 'heardVia'; options: Array<[string, string]> },
) {
  return (
    <SelectField
      {...fieldOf(props, props.field)}
      defaultValue={props.state.values[props.field]}
      options={props.options}
    />
  );
}

function Check(props: Props & { field: CheckField }) {
  const { state, field, t } = props;
  return (
    <CheckboxField
      {...fieldOf(props, field)}
      label={t(`form.fields.${field}`)}
      checked={state.values[field]}
    />
  );
}

function Reasons(props: Props) {
  const { state, t } = props;
  const error = errorOf(state, 'reasons');
  return (
    <Fieldset id={fieldId('reasons')} aria-describedby={error ? 'nc-reasons-error' : undefined}>
      <FieldsetLegend>{t('form.reasonsLegend')}</FieldsetLegend>
      {error ? <ValidationMessage id="nc-reasons-error">{error.message}</ValidationMessage> : null}
      {REASONS.map((reason) => (
        <Field key={reason}>
          <Input
            type="checkbox"
            id={`nc-reason-${reason}`}
            name="reasons"
            value={reason}
            defaultChecked={state.values.reasons.includes(reason)}
          />
          <Label htmlFor={`nc-reason-${reason}`}>{t(`reasons.${reason}`)}</Label>
        </Field>
      ))}
    </Fieldset>
  );
}

/** «Ny i kommunen?»: works without JavaScript; errors on top, each linking to its field. */
export function NewcomerFormPage(props: Props) {
  const { input, t, state } = props;
  const channels: Array<[string, string]> = [
    ['', t('form.chooseChannel')],
    ...state.campaigns.map((c): [string, string] => [`campaign:${c.id}`, c.name]),
    ...(
      [
        'campaign',
        'friends_family',
        'employer',
        'social_media',
        'newspaper',
        'website',
        'event',
        'other',
      ] as const
    ).map((c): [string, string] => [c, t(`channels.${c}`)]),
  ];
  const adult = (n: 1 | 2) => (
    <Fieldset>
      <FieldsetLegend>{t(n === 1 ? 'form.adult1Legend' : 'form.adult2Legend')}</FieldsetLegend>
      <TextInput {...props} field={`adult${n}Name`} autoComplete={n === 1 ? 'name' : 'off'} />
      <TextInput {...props} field={`adult${n}BirthYear`} inputMode="numeric" />
      <TextInput
        {...props}
        field={`adult${n}Email`}
        type="email"
        autoComplete={n === 1 ? 'email' : 'off'}
      />
      <TextInput
        {...props}
        field={`adult${n}Phone`}
        type="tel"
        autoComplete={n === 1 ? 'tel' : 'off'}
      />
    </Fieldset>
  );
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('form.title')}
      </Heading>
      <FormErrorSummary heading={t('form.errorSummary')} errors={state.errors} idOf={fieldId} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph data-size="lg">{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form method="post" action={localePath(input.locale, '/ny-i-kommunen')} noValidate>
        <FormGuards
          started={state.started}
          formKey={state.key}
          trapId="nc-website"
          trapLabel={t('form.honeypot')}
        />
        <div className="fh-section fh-stack">
          <SelectInput
            {...props}
            field="municipalityCode"
            options={[
              ['', t('form.chooseMunicipality')],
              ...state.municipalities.map((m): [string, string] => [m.code, m.name]),
            ]}
          />
        </div>
        <div className="fh-section fh-stack">
          {adult(1)}
          {adult(2)}
          <TextInput {...props} field="childrenBirthYears" />
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.moveLegend')}</FieldsetLegend>
            <TextInput {...props} field="movedFrom" />
            <TextInput {...props} field="movingDate" type="date" />
            <SelectInput {...props} field="heardVia" options={channels} />
          </Fieldset>
        </div>
        <div className="fh-section fh-stack">
          <Reasons {...props} />
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.consentLegend')}</FieldsetLegend>
            <Check {...props} field="consentContact" />
            <Check {...props} field="consentCheckIns" />
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
