import { Alert, Button, Heading, Paragraph } from '../../ui/ds-server.js';
import { CheckboxField, FormErrorSummary, FormGuards, TextInputField } from '../form-fields.js';
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

function TextField(
  props: Props & {
    field: 'name' | 'email' | 'seats';
    type: 'text' | 'email' | 'number';
    autoComplete: string;
  },
) {
  const { t, state, field } = props;
  const hint = HINTS[field];
  return (
    <TextInputField
      id={fieldId(field)}
      name={field}
      label={`${t(`form.fields.${field}`)} (${t('form.required')})`}
      hint={hint ? t(hint) : undefined}
      error={state.errors.find((e) => e.field === field)?.message}
      defaultValue={state.values[field]}
      type={props.type}
      autoComplete={props.autoComplete}
      {...(field === 'seats' ? { inputMode: 'numeric' as const, min: 1, max: 10 } : {})}
    />
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
      <FormErrorSummary heading={t('form.errorSummary')} errors={state.errors} idOf={fieldId} />
      {state.notice ? <Alert data-color="warning">{t(`form.${state.notice}`)}</Alert> : null}
      <Paragraph>{t('form.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('form.requiredNote')}</Paragraph>
      <form
        method="post"
        action={localePath(input.locale, `/arrangementer/${event.id}`)}
        noValidate
        className="fh-stack"
      >
        <FormGuards
          started={state.started}
          formKey={state.key}
          trapId="reg-website"
          trapLabel={t('form.honeypot')}
        />
        <TextField {...props} field="name" type="text" autoComplete="name" />
        <TextField {...props} field="email" type="email" autoComplete="email" />
        <TextField {...props} field="seats" type="number" autoComplete="off" />
        <CheckboxField
          id={fieldId('wantsReminder')}
          name="wantsReminder"
          label={t('form.fields.wantsReminder')}
          checked={state.values.wantsReminder}
        />
        <div>
          <Button type="submit">{full ? t('form.submitWaiting') : t('form.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
