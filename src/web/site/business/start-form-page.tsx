import { ENTREPRENEUR_STAGES, HELP_KINDS, NACE_SECTIONS } from '../../../contracts/business.js';
import type { Locale } from '../../i18n/locales.js';
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
import type { BusinessKey, BusinessTranslate } from './text.js';
import { fieldId, type StartField, type StartFormState, type StartTextField } from './types.js';

interface Props {
  t: BusinessTranslate;
  locale: Locale;
  state: StartFormState;
}

const HINTS: Partial<Record<StartField, BusinessKey>> = {
  phone: 'form.hints.phone',
  idea: 'form.hints.idea',
  help: 'form.hints.help',
};
const OPTIONAL = new Set<StartField>(['phone', 'help']);

const errorOf = (state: StartFormState, field: StartField) =>
  state.errors.find((e) => e.field === field);

function describedBy(state: StartFormState, field: StartField): string | undefined {
  const ids = [
    HINTS[field] ? `${fieldId(field)}-hint` : null,
    errorOf(state, field) ? `${fieldId(field)}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ t, state, field }: Props & { field: StartField }) {
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

const labelText = (t: BusinessTranslate, field: StartField) =>
  `${t(`form.fields.${field}`)}${OPTIONAL.has(field) || field === 'consent' ? '' : ` (${t('form.required')})`}`;

function TextField(
  props: Props & {
    field: StartTextField;
    type?: 'text' | 'email' | 'tel';
    autoComplete?: string;
    multiline?: boolean;
  },
) {
  const { state, field, t } = props;
  const common = {
    id: fieldId(field),
    name: field,
    defaultValue: state.values[field],
    'aria-invalid': errorOf(state, field) ? true : undefined,
    'aria-describedby': describedBy(state, field),
  };
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>{labelText(t, field)}</Label>
      <Extras {...props} />
      {props.multiline ? (
        <Textarea {...common} rows={5} />
      ) : (
        <Input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} />
      )}
    </Field>
  );
}

function SelectField(
  props: Props & {
    field: 'industry' | 'municipality';
    options: Array<{ value: string; label: string }>;
    empty: string;
  },
) {
  const { state, field, t } = props;
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>{labelText(t, field)}</Label>
      <Extras {...props} />
      <Select
        id={fieldId(field)}
        name={field}
        defaultValue={state.values[field]}
        aria-invalid={errorOf(state, field) ? true : undefined}
        aria-describedby={describedBy(state, field)}
      >
        <option value="">{props.empty}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Radio buttons (stage) or checkboxes (help) in a fieldset; the first carries the field's id. */
function Choices(
  props: Props & {
    field: 'stage' | 'help';
    options: readonly string[];
    label: (o: string) => string;
  },
) {
  const { state, field, t } = props;
  const multiple = field === 'help';
  return (
    <Fieldset aria-describedby={describedBy(state, field)}>
      <FieldsetLegend>{labelText(t, field)}</FieldsetLegend>
      <Extras {...props} />
      {props.options.map((o, i) => {
        const id = i === 0 ? fieldId(field) : `${fieldId(field)}-${o}`;
        const checked = multiple ? state.values.help.includes(o) : state.values.stage === o;
        return (
          <Field key={o}>
            <Input
              type={multiple ? 'checkbox' : 'radio'}
              id={id}
              name={field}
              value={o}
              defaultChecked={checked}
              aria-invalid={errorOf(state, field) ? true : undefined}
            />
            <Label htmlFor={id}>{props.label(o)}</Label>
          </Field>
        );
      })}
    </Fieldset>
  );
}

function Errors({ t, state }: Props) {
  if (!state.errors.length) return null;
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

/** The «Start Her» inquiry form: works without JavaScript; errors on top, each linking to its field. */
export function StartFormPage(props: Props) {
  const { t, locale, state } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('form.title')}
      </Heading>
      <Errors {...props} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph data-size="lg">{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form method="post" action={localePath(locale, '/start-her')} noValidate>
        <input type="hidden" name="started" value={state.started} />
        <input type="hidden" name="key" value={state.key} />
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.aboutYou')}</FieldsetLegend>
            <TextField {...props} field="name" autoComplete="name" />
            <TextField {...props} field="email" type="email" autoComplete="email" />
            <TextField {...props} field="phone" type="tel" autoComplete="tel" />
          </Fieldset>
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.aboutIdea')}</FieldsetLegend>
            <TextField {...props} field="idea" multiline />
            <SelectField
              {...props}
              field="industry"
              empty={t('form.chooseIndustry')}
              options={NACE_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
            />
            <SelectField
              {...props}
              field="municipality"
              empty={t('form.chooseMunicipality')}
              options={state.municipalities.map((m) => ({ value: m.code, label: m.name }))}
            />
            <Choices
              {...props}
              field="stage"
              options={ENTREPRENEUR_STAGES}
              label={(o) => t(`form.stages.${o as 'idea'}`)}
            />
            <Choices
              {...props}
              field="help"
              options={HELP_KINDS}
              label={(o) => t(`form.help.${o as 'advice'}`)}
            />
          </Fieldset>
        </div>
        <div className="fh-section fh-stack">
          <Fieldset>
            <FieldsetLegend>{t('form.consentLegend')}</FieldsetLegend>
            <Field>
              <Input
                type="checkbox"
                id={fieldId('consent')}
                name="consent"
                value="yes"
                defaultChecked={state.values.consent}
                aria-invalid={errorOf(state, 'consent') ? true : undefined}
                aria-describedby={describedBy(state, 'consent')}
              />
              <Label htmlFor={fieldId('consent')}>{t('form.fields.consent')}</Label>
              <Extras {...props} field="consent" />
            </Field>
          </Fieldset>
          <Paragraph data-size="sm">{t('form.privacy')}</Paragraph>
        </div>
        {/* A trap for robots: hidden from people and screen readers, so only a robot fills it. */}
        <div hidden>
          <label htmlFor="sh-website">{t('form.honeypot')}</label>
          <input id="sh-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="fh-section">
          <Button type="submit">{t('form.submit')}</Button>
        </div>
      </form>
    </div>
  );
}

export function StartThanksPage({ t, locale }: Omit<Props, 'state'>) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('form.thanksTitle')}
      </Heading>
      <Paragraph data-size="lg">{t('form.thanksBody')}</Paragraph>
      <Paragraph>
        <a className="ds-link" href={localePath(locale, '/')}>
          {t('form.back')}
        </a>
      </Paragraph>
    </div>
  );
}
