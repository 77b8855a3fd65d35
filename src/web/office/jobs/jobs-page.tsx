import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  JOB_DEADLINES,
  JOB_EXTENTS,
  JOB_SECTORS,
  type JobSearchResult,
} from '../../../contracts/jobs.js';
import { formatDate, formatNumber } from '../../i18n/locales.js';
import { ApiError } from '../api.js';
import { call } from '../api-call.js';
import { SelectField, TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';
import { jobsApi, MarketSection } from './market-section.js';
import { useJobsT } from './text.js';

interface FeedStatus {
  activeAds: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

const FILTERS = ['q', 'municipality', 'sector', 'extent', 'deadline'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const EMPTY: Filters = { q: '', municipality: '', sector: '', extent: '', deadline: '' };

/** The feed's last run, when the feed module offers it (leaders only; others see nothing). */
function FeedPanel() {
  const t = useJobsT();
  const { locale } = useT();
  const [status, setStatus] = useState<FeedStatus | null>(null);
  useEffect(() => {
    let live = true;
    call<FeedStatus>('GET', '/api/jobs/feed-status')
      .then((s) => live && setStatus(s))
      .catch((error: unknown) => {
        // Not there yet, or not for this role: the panel is simply left out.
        if (!(error instanceof ApiError)) throw error;
      });
    return () => {
      live = false;
    };
  }, []);
  if (!status) return null;
  const when = (iso: string) =>
    formatDate(locale, new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="jobs-feed" className="office-panel">
      <Heading level={2} data-size="sm" id="jobs-feed">
        {t('office.feedTitle')}
      </Heading>
      {status.lastRunAt ? (
        <>
          <Paragraph>{t('office.feedLastRun', { at: when(status.lastRunAt) })}</Paragraph>
          {status.lastSuccessAt ? (
            <Paragraph>{t('office.feedLastSuccess', { at: when(status.lastSuccessAt) })}</Paragraph>
          ) : null}
          {status.lastError ? (
            <Paragraph>{t('office.feedError', { error: status.lastError })}</Paragraph>
          ) : null}
        </>
      ) : (
        <Paragraph>{t('office.feedNever')}</Paragraph>
      )}
    </section>
  );
}

function AdsTable({ result, onPage }: { result: JobSearchResult; onPage: (page: number) => void }) {
  const t = useJobsT();
  const { locale } = useT();
  const table = useRef<HTMLElement>(null);
  const page = (n: number) => {
    onPage(n);
    table.current?.focus();
  };
  const day = (iso: string) => formatDate(locale, new Date(iso), { dateStyle: 'short' });
  return (
    <>
      <Paragraph role="status">
        {t('office.activeCount', { count: formatNumber(locale, result.total) })}
      </Paragraph>
      {result.ads.length > 0 ? (
        <TableScroll ref={table} labelledBy="jobs-ads-caption">
          <Table zebra className="office-table">
            <caption id="jobs-ads-caption" className="office-visually-hidden">
              {`${t('office.tableCaption')}, ${t('search.pageOf', { page: result.page, pages: result.pages })}`}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('office.title_column')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.employer')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.deadline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.published')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.ads.map((ad) => (
                <Table.Row key={ad.id}>
                  <Table.Cell className="office-wrap">
                    <a href={`/${locale === 'nb' ? '' : `${locale}/`}jobber/${ad.id}`}>
                      {ad.title}
                    </a>
                  </Table.Cell>
                  <Table.Cell className="office-wrap">{ad.employerName}</Table.Cell>
                  <Table.Cell>{ad.municipalityName}</Table.Cell>
                  <Table.Cell>
                    {ad.applicationDueDate
                      ? day(ad.applicationDueDate)
                      : (ad.applicationDueText ?? '–')}
                  </Table.Cell>
                  <Table.Cell className="office-nowrap">{day(ad.publishedAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {result.pages > 1 ? (
        <nav className="office-paging" aria-label={t('search.pagination')}>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={result.page <= 1}
            onClick={() => page(result.page - 1)}
          >
            {t('office.previous')}
          </Button>
          <span>{t('search.pageOf', { page: result.page, pages: result.pages })}</span>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={result.page >= result.pages}
            onClick={() => page(result.page + 1)}
          >
            {t('office.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}

/** Jobs: NAV's active ads in the region with filters, the feed's state, and the labour market. */
export function JobsPage() {
  const t = useJobsT();
  const { locale } = useT();
  const { region } = useWorkspace();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<JobSearchResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  const slug = region?.slug;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a retry counter
  useEffect(() => {
    if (!slug) return;
    let live = true;
    setFailed(false);
    const params = new URLSearchParams({ page: String(page) });
    for (const f of FILTERS) if (filters[f]) params.set(f, filters[f]);
    call<JobSearchResult>('GET', `${jobsApi(slug)}?${params}`)
      .then((r) => live && setResult(r))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [slug, filters, page, reload]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const set = (field: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  const any = { value: '', label: t('search.any') };
  return (
    <Page title={t('office.title')} intro={t('office.intro')}>
      <FeedPanel />
      <section aria-labelledby="jobs-ads">
        <Heading level={2} data-size="sm" id="jobs-ads" className="office-section-title">
          {t('office.tableCaption')}
        </Heading>
        <form className="office-filters" onSubmit={submit}>
          <TextField id="jobs-q" label={t('search.q')} value={draft.q} onChange={set('q')} />
          <SelectField
            id="jobs-municipality"
            label={t('search.municipality')}
            value={draft.municipality}
            onChange={set('municipality')}
            options={[
              any,
              ...(region?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
            ]}
          />
          <SelectField
            id="jobs-sector"
            label={t('search.sector')}
            value={draft.sector}
            onChange={set('sector')}
            options={[
              any,
              ...JOB_SECTORS.map((s) => ({ value: s, label: t(`search.sectors.${s}`) })),
            ]}
          />
          <SelectField
            id="jobs-extent"
            label={t('search.extent')}
            value={draft.extent}
            onChange={set('extent')}
            options={[
              any,
              ...JOB_EXTENTS.map((s) => ({ value: s, label: t(`search.extents.${s}`) })),
            ]}
          />
          <SelectField
            id="jobs-deadline"
            label={t('search.deadline')}
            value={draft.deadline}
            onChange={set('deadline')}
            options={[
              any,
              ...JOB_DEADLINES.map((s) => ({ value: s, label: t(`search.deadlines.${s}`) })),
            ]}
          />
          <div className="office-actions">
            <Button type="submit">{t('office.filter')}</Button>
          </div>
        </form>
        {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
        {!failed && !result && <Loading />}
        {result && <AdsTable result={result} onPage={setPage} />}
        <Paragraph>
          <a href={locale === 'nb' ? '/jobber' : `/${locale}/jobber`}>{t('office.publicPage')}</a>
        </Paragraph>
      </section>
      {slug && <MarketSection slug={slug} />}
    </Page>
  );
}
