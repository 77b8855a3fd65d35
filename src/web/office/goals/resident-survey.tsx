import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  hasErrors,
  noErrors,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { goalsApi } from './api.js';
import { useGoalsT } from './text.js';

/** Sends the resident survey (one-time links by email) through the survey engine. */
export function ResidentSurveySection({ region }: { region: string | undefined }) {
  const g = useGoalsT();
  const { t } = useT();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const emails = String(new FormData(form).get('emails') ?? '')
      .split(/[\s,;]+/)
      .filter((e) => e !== '');
    setBusy(true);
    setDone(null);
    try {
      const r = await goalsApi.inviteResidents(region, { emails, municipalityCode: null });
      setErrors(noErrors);
      setDone(g('resident.sent', { ...r }));
      form.reset();
    } catch (error) {
      const e = errorsFrom(t, error, { emails: 'resident-emails' });
      // A bad address is reported as emails.<n>: show it on the one field.
      setErrors(
        e.general.length ? { fields: { 'resident-emails': e.general.join(' ') }, general: [] } : e,
      );
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-section" aria-labelledby="goals-resident">
      <Heading level={2} data-size="xs" id="goals-resident">
        {g('resident.title')}
      </Heading>
      <Paragraph>{g('resident.intro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary
          t={t}
          errors={errors}
          attempt={attempt}
          labels={{ 'resident-emails': g('resident.emails') }}
        />
        <Field>
          <Label htmlFor="resident-emails">{g('resident.emails')}</Label>
          <Textarea
            id="resident-emails"
            name="emails"
            rows={4}
            aria-invalid={hasErrors(errors) || undefined}
          />
          {errors.fields['resident-emails'] && (
            <ValidationMessage>{errors.fields['resident-emails']}</ValidationMessage>
          )}
        </Field>
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {g('resident.send')}
          </Button>
        </div>
      </form>
      {done && (
        <Alert data-color="success" role="status" className="office-alert">
          {done}
        </Alert>
      )}
    </section>
  );
}
