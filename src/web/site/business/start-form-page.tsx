import { ENTREPRENEUR_STAGES, HELP_KINDS, NACE_SECTIONS } from '../../../contracts/business.js';
import type { Locale } from '../../i18n/locales.js';
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
} from '../../ui/ds-server.js';
import {
  CheckboxField,
  describedBy,
  FieldHelp,
  FormErrorSummary,
  FormGuards,
  SelectField,
  TextInputField,
} from '../form-fields.js';
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

const labelText = (t: BusinessTranslate, field: StartField) =>
  `${t(`form.fields.${field}`)}${OPTIONAL.has(field) || field === 'consent' ? '' : ` (${t('form.required')})`}`;

/** What every field of the form shows: its id, label, hint and error. */
function fieldOf({ t, state }: Props, field: StartField) {
  const hint = HINTS[field];
  return {
    id: fieldId(field),
    name: field,
    label: labelText(t, field),
    hint: hint ? t(hint) : undefined,
    error: errorOf(state, field)?.message,
  };
}

function TextField(
  props: Props & {
    field: StartTextField;
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
      rows={props.multiline ? 5 : undefined}
    />
  );
}

function Select(
  props: Props & {
    field: 'industry' | 'municipality';
    options: Array<{ value: string; label: string }>;
    empty: string;
  },
) {
  return (
    <SelectField
      {...fieldOf(props, props.field)}
      defaultValue={props.state.values[props.field]}
      options={[
        ['', props.empty],
        ...props.options.map((o): [string, string] => [o.value, o.label]),
      ]}
    />
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
    <Fieldset aria-describedby={describedBy(fieldOf(props, field))}>
      <FieldsetLegend>{labelText(t, field)}</FieldsetLegend>
      <FieldHelp {...fieldOf(props, field)} />
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

/** The «Start Her» inquiry form: works without JavaScript; errors on top, each linking to its field. */
export function StartFormPage(props: Props) {
  const { t, locale, state } = props;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('form.title')}
      </Heading>
      <FormErrorSummary heading={t('form.errorSummary')} errors={state.errors} idOf={fieldId} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph data-size="lg">{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form method="post" action={localePath(locale, '/start-her')} noValidate>
        <FormGuards
          started={state.started}
          formKey={state.key}
          trapId="sh-website"
          trapLabel={t('form.honeypot')}
        />
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
            <Select
              {...props}
              field="industry"
              empty={t('form.chooseIndustry')}
              options={NACE_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
            />
            <Select
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
            <CheckboxField {...fieldOf(props, 'consent')} checked={state.values.consent} />
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
