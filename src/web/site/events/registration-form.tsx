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
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { EventsPageProps } from './render.js';
import type { EventsKey } from './text.js';
import {
  fieldId,
  type PublicEvent,
  type RegistrationField,
  type RegistrationFormState,
} from './types.js';

type Props = EventsPageProps & { event: PublicEvent; state: RegistrationFormState; full: boolean };

const HINTS: Partial<Record<RegistrationField, EventsKey>> = {
  email: 'form.hints.email',
  seats: 'form.hints.seats',
};

function describedBy(state: RegistrationFormState, field: RegistrationField) {
  const ids = [
    HINTS[field] ? `${fieldId(field)}-hint` : null,
    state.errors.some((e) => e.field === field) ? `${fieldId(field)}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ t, state, field }: Props & { field: RegistrationField }) {
  const hint = HINTS[field];
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

function TextField(
  props: Props & {
    field: 'name' | 'email' | 'seats';
    type: 'text' | 'email' | 'number';
    autoComplete: string;
  },
) {
  const { t, state, field } = props;
  const invalid = state.errors.some((e) => e.field === field);
  return (
    <Field>
      <Label htmlFor={fieldId(field)}>
        {t(`form.fields.${field}`)} ({t('form.required')})
      </Label>
      <Extras {...props} />
      <Input
        id={fieldId(field)}
        name={field}
        type={props.type}
        autoComplete={props.autoComplete}
        defaultValue={state.values[field]}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(state, field)}
        {...(field === 'seats' ? { inputMode: 'numeric' as const, min: 1, max: 10 } : {})}
      />
    </Field>
  );
}

/** The registration form: no JavaScript needed; errors on top, each linking to its field. */
export function RegistrationForm(props: Props) {
  const { input, t, event, state, full } = props;
  return (
    <section className="fh-section fh-stack" aria-labelledby="reg-title">
      <Heading level={2} data-size="md" id="reg-title">
        {t('form.title')}
      </Heading>
      {state.errors.length ? (
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
      ) : null}
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph>{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/arrangementer/${event.id}`)}
        noValidate
        className="fh-stack"
      >
        <input type="hidden" name="started" value={state.started} />
        <input type="hidden" name="key" value={state.key} />
        <TextField {...props} field="name" type="text" autoComplete="name" />
        <TextField {...props} field="email" type="email" autoComplete="email" />
        <TextField {...props} field="seats" type="number" autoComplete="off" />
        <Field>
          <Input
            type="checkbox"
            id={fieldId('wantsReminder')}
            name="wantsReminder"
            value="yes"
            defaultChecked={state.values.wantsReminder}
          />
          <Label htmlFor={fieldId('wantsReminder')}>{t('form.fields.wantsReminder')}</Label>
        </Field>
        {/* A trap for robots: hidden from people and screen readers, so only a robot fills it. */}
        <div hidden>
          <label htmlFor="reg-website">{t('form.honeypot')}</label>
          <input id="reg-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div>
          <Button type="submit">{full ? t('form.submitWaiting') : t('form.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
