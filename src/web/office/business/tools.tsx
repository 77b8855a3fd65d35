import { Button, Field, Heading, Label, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { errorsFrom, FormErrorSummary, type FormErrors, noErrors } from '../components/forms.js';
import { useT } from '../i18n.js';
import { businessApi, type ImportResult } from './api.js';
import { useBusinessT } from './text.js';

/** Upload an Enhetsregisteret file; the result names every bad row. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const b = useBusinessT();
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('import-file');
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ fields: { 'import-file': t('fieldErrors.required') }, general: [] });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      setResult(await businessApi.importFile(file));
      setErrors(noErrors);
      onImported();
    } catch (error) {
      setResult(null);
      setErrors(errorsFrom(t, error, { file: 'import-file' }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="business-section" aria-labelledby="import-title">
      <Heading level={2} data-size="sm" id="import-title">
        {b('office.importTitle')}
      </Heading>
      <Paragraph>{b('office.importIntro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate className="business-form">
        <FormErrorSummary
          t={t}
          errors={errors}
          attempt={attempt}
          labels={{ 'import-file': b('office.file') }}
        />
        <Field>
          <Label htmlFor="import-file">{b('office.file')}</Label>
          <input
            id="import-file"
            name="import-file"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            aria-invalid={errors.fields['import-file'] ? true : undefined}
          />
        </Field>
        <div className="business-actions">
          <Button type="submit" disabled={busy}>
            {busy ? b('office.importing') : b('office.import')}
          </Button>
        </div>
      </form>
      <div role="status">
        {result && (
          <>
            <Paragraph>
              {b('office.importDone', {
                added: result.added,
                updated: result.updated,
                unchanged: result.unchanged,
                inRegion: result.rowsInRegion,
                read: result.rowsRead,
              })}
            </Paragraph>
            {result.badRowCount > 0 && (
              <>
                <Paragraph>{b('office.badRows', { count: result.badRowCount })}</Paragraph>
                <ul className="business-bad-rows">
                  {result.badRows.map((r) => (
                    <li key={r.row}>
                      {b('office.badRow', { row: r.row, reasons: r.reasons.join('; ') })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** Send the employer survey (once a year each) and show the indicator when there are enough answers. */
export function SurveyPanel() {
  const b = useBusinessT();
  const { t, tag } = useT();
  const year = new Date().getFullYear();
  const [sent, setSent] = useState('');
  const [indicator, setIndicator] = useState('');
  useEffect(() => {
    businessApi
      .labourAccess(year)
      .then((i) =>
        setIndicator(
          i.share === null
            ? b('office.indicatorHidden', { year })
            : b('office.indicator', {
                year,
                share: new Intl.NumberFormat(tag, { style: 'percent' }).format(i.share),
                answers: i.answers,
              }),
        ),
      )
      .catch(() => setIndicator(''));
  }, [b, tag, year]);
  const send = async () => {
    try {
      const r = await businessApi.sendSurvey();
      setSent(
        b('office.surveySent', {
          scheduled: r.scheduled,
          already: r.alreadySent,
          without: r.withoutEmail,
        }),
      );
    } catch {
      setSent(t('errors.generic'));
    }
  };
  return (
    <section className="business-section" aria-labelledby="survey-title">
      <Heading level={2} data-size="sm" id="survey-title">
        {b('office.surveyTitle')}
      </Heading>
      <Paragraph>{b('office.surveyIntro')}</Paragraph>
      {indicator && <Paragraph>{indicator}</Paragraph>}
      <Button variant="secondary" onClick={() => void send()}>
        {b('office.sendSurvey')}
      </Button>
      <div role="status">{sent && <Paragraph>{sent}</Paragraph>}</div>
    </section>
  );
}
