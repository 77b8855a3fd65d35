import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isLocale, LOCALES } from '../../i18n/locales.js';
import { ApiError, api, type Region } from '../api.js';
import {
  FormErrorSummary,
  type FormErrors,
  hasErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { fetchReport, type ReportFormat, type ReportRequest, saveFile } from './api.js';
import { type ReportsTranslate, useReportsT } from './text.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The quarter that ended last, and last calendar year, as the shortcuts offer them. */
export function shortcuts(today: Date) {
  const year = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3); // 0-based: the current quarter
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 0));
  return {
    lastQuarter: { from: iso(start), to: iso(end) },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
}

function check(r: ReportsTranslate, from: string, to: string): FormErrors {
  const fields: Record<string, string> = {};
  const date = (v: string) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
  if (!from) fields['report-from'] = r('office.errors.required');
  else if (!date(from)) fields['report-from'] = r('office.errors.date');
  if (!to) fields['report-to'] = r('office.errors.required');
  else if (!date(to)) fields['report-to'] = r('office.errors.date');
  else if (date(from) && to < from) fields['report-to'] = r('office.errors.order');
  return { fields, general: [] };
}

/** The server's refusal in the reader's words: fields by name, "no data" as its own message. */
function errorsOf(r: ReportsTranslate, error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: [r('office.errors.failed')] };
  if (error.details.some((d) => d.field === 'period')) {
    return { fields: {}, general: [r('office.errors.noData')] };
  }
  const ids: Record<string, string> = { from: 'report-from', to: 'report-to' };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const d of error.details) {
    if (ids[d.field]) fields[ids[d.field]!] = d.message;
    else general.push(d.message);
  }
  if (!general.length && !Object.keys(fields).length) general.push(r('office.errors.failed'));
  return { fields, general };
}

/**
 * The council report: choose a period and a language, download the PDF or the spreadsheet.
 * The quarterly email links here with the quarter filled in (?from=…&to=…).
 */
export function ReportsPage() {
  const r = useReportsT();
  const { t, locale } = useT();
  const user = useUser();
  const [params] = useSearchParams();
  const preset = shortcuts(new Date()).lastQuarter;
  const [from, setFrom] = useState(params.get('from') ?? preset.from);
  const [to, setTo] = useState(params.get('to') ?? preset.to);
  const [language, setLanguage] = useState<string>(locale);
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string | undefined>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const isAdmin = user.role === 'admin';

  useEffect(() => {
    if (!isAdmin) return;
    void api.regions.list().then(
      (res) => {
        setRegions(res.regions);
        setRegion((current) => current ?? res.regions[0]?.id);
      },
      () => setErrors({ fields: {}, general: [t('errors.loadFailed')] }),
    );
  }, [isAdmin, t]);

  const download = async (format: ReportFormat) => {
    const found = check(r, from, to);
    setStatus('');
    if (hasErrors(found)) {
      setErrors(found);
      setAttempt((a) => a + 1);
      return;
    }
    setErrors(noErrors);
    setBusy(true);
    setStatus(r('office.working'));
    const request: ReportRequest = {
      from,
      to,
      locale: isLocale(language) ? language : 'nb',
      region: isAdmin ? region : undefined,
    };
    try {
      const { blob, filename } = await fetchReport(request, format);
      saveFile(blob, filename);
      setStatus(r('office.done'));
    } catch (error) {
      setStatus('');
      setErrors(errorsOf(r, error));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void download(submitter?.value === 'xlsx' ? 'xlsx' : 'pdf');
  };

  const quick = shortcuts(new Date());
  const labels = { 'report-from': r('office.from'), 'report-to': r('office.to') };
  return (
    <Page title={r('office.title')} intro={r('office.intro')}>
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      <form onSubmit={submit} noValidate>
        <Fieldset className="office-filters">
          <Fieldset.Legend>{r('office.legend')}</Fieldset.Legend>
          {isAdmin && (
            <SelectField
              id="report-region"
              label={r('office.region')}
              value={region ?? ''}
              onChange={(e) => setRegion(e.target.value)}
              options={regions.map((x) => ({ value: x.id, label: x.name }))}
            />
          )}
          <TextField
            id="report-from"
            type="date"
            label={r('office.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={errors.fields['report-from']}
          />
          <TextField
            id="report-to"
            type="date"
            label={r('office.to')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={errors.fields['report-to']}
          />
          <SelectField
            id="report-language"
            label={r('office.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            options={LOCALES.map((l) => ({ value: l, label: r(`office.languages.${l}`) }))}
          />
          <Fieldset className="office-actions">
            <Fieldset.Legend>{r('office.quarters')}</Fieldset.Legend>
            {(['lastQuarter', 'lastYear'] as const).map((key) => (
              <Button
                key={key}
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setFrom(quick[key].from);
                  setTo(quick[key].to);
                }}
              >
                {r(`office.${key}`)}
              </Button>
            ))}
          </Fieldset>
          <div className="office-actions">
            <Button type="submit" name="format" value="pdf" disabled={busy}>
              {r('office.downloadPdf')}
            </Button>
            <Button type="submit" name="format" value="xlsx" variant="secondary" disabled={busy}>
              {r('office.downloadXlsx')}
            </Button>
          </div>
        </Fieldset>
      </form>
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
    </Page>
  );
}
