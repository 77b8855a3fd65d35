import { REASONS } from '../../../contracts/newcomers.js';
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
  ValidationMessage,
} from '../../ui/ds-server.js';
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

/** The hint and the error, so a screen reader reads both with the input. */
function describedBy(state: NewcomerFormState, field: FormField): string | undefined {
  const ids = [
    HINTS[field] ? `${fieldId(field)}-hint` : null,
    errorOf(state, field) ? `${fieldId(field)}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ t, state, field }: Props & { field: FormField }) {
  const hint = HINTS[field];
  const error = errorOf(state, field);
  return (
    <>
      {hint ? <FieldDescription id={`${fieldId(field)}-hint`}>{t(hint)}</FieldDescription> : null}
      {error ? (
        <ValidationMessage id={`${fieldId(field)}-error`}>{error.message}</ValidationMessage>
      ) : null}
    </>
  );
}

function TextInput(
  props: Props & {
    field: TextField;
    type?: 'text' | 'email' | 'tel' | 'date';
    autoComplete?: string;
    inputMode?: 'numeric';
  },
) {
  const { state, field, t } = props;
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>
        {t(`form.fields.${field}`)}
        {REQUIRED.has(field) ? ` (${t('form.required')})` : ''}
      </Label>
      <Extras {...props} />
      <Input
        id={fieldId(field)}
        name={field}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        defaultValue={state.values[field]}
        aria-invalid={errorOf(state, field) ? true : undefined}
        aria-describedby={describedBy(state, field)}
      />
    </Field>
  );
}

function SelectInput(
  props: Props & { field: 'municipalityCode' | 'heardVia'; options: Array<[string, string]> },
) {
  const { state, field, t } = props;
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>
        {t(`form.fields.${field}`)}
        {REQUIRED.has(field) ? ` (${t('form.required')})` : ''}
      </Label>
      <Extras {...props} />
      <Select
        id={fieldId(field)}
        name={field}
        defaultValue={state.values[field]}
        aria-invalid={errorOf(state, field) ? true : undefined}
        aria-describedby={describedBy(state, field)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Check(props: Props & { field: CheckField }) {
  const { state, field, t } = props;
  return (
    <Field>
      <Input
        type="checkbox"
        id={fieldId(field)}
        name={field}
        value="yes"
        defaultChecked={state.values[field]}
        aria-describedby={describedBy(state, field)}
      />
      <Label htmlFor={fieldId(field)}>{t(`form.fields.${field}`)}</Label>
      <Extras {...props} />
    </Field>
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

function Errors({ t, state }: Props) {
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
      <Errors {...props} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph data-size="lg">{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form method="post" action={localePath(input.locale, '/ny-i-kommunen')} noValidate>
        <input type="hidden" name="started" value={state.started} />
        <input type="hidden" name="key" value={state.key} />
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
        {/* A trap for robots: hidden from people and screen readers, so only a robot fills it. */}
        <div hidden>
          <label htmlFor="nc-website">{t('form.honeypot')}</label>
          <input id="nc-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="fh-section">
          <Button type="submit">{t('form.submit')}</Button>
        </div>
      </form>
    </div>
  );
}
