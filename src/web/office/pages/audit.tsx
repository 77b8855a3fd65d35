import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../i18n/locales.js';
import { type AuditFilter, type AuditPage as AuditResult, api, type UserSummary } from '../api.js';
import { SelectField, TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';

const outcomeColor = { success: 'success', failure: 'warning', denied: 'danger' } as const;
const FILTER_KEYS = ['userId', 'action', 'targetId', 'from', 'to'] as const;

/** The filter lives in the address, so it survives reload and the back button. */
function filterOf(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filter.page = page;
  return filter;
}

export function AuditPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const key = params.toString();
  const [result, setResult] = useState<AuditResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the filter
  useEffect(() => {
    let live = true;
    setFailed(false);
    api.audit
      .list(filterOf(new URLSearchParams(key)))
      .then((r) => live && setResult(r))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [key, reload]);

  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    setParams(next);
  };

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <AuditFilters
        key={key}
        filter={filter}
        onApply={(next) => {
          const search = new URLSearchParams();
          for (const k of FILTER_KEYS) if (next[k]) search.set(k, next[k] ?? '');
          setParams(search);
        }}
      />
      {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {!failed && !result && <Loading />}
      {result && result.total > 0 && (
        <Paragraph>
          <Link href={api.audit.exportUrl(filter)} download>
            {t('audit.exportCsv')}
          </Link>
        </Paragraph>
      )}
      {result && <AuditTable result={result} onPage={goTo} />}
    </Page>
  );
}

function AuditFilters({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply: (f: AuditFilter) => void;
}) {
  const { t } = useT();
  const { region } = useWorkspace();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [draft, setDraft] = useState<AuditFilter>(filter);

  useEffect(() => {
    if (!region) return;
    api.users
      .list(region.id)
      .then((r) => setUsers(r.users))
      .catch(() => setUsers([]));
  }, [region]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const set = (k: keyof AuditFilter, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <form className="office-filters" onSubmit={submit} aria-label={t('audit.filters')}>
      <SelectField
        id="audit-user"
        label={t('audit.user')}
        value={draft.userId ?? ''}
        onChange={(e) => set('userId', e.target.value)}
        options={[
          { value: '', label: t('audit.anyUser') },
          ...users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
        ]}
      />
      <TextField
        id="audit-action"
        label={t('audit.action')}
        description={t('audit.actionHint')}
        value={draft.action ?? ''}
        onChange={(e) => set('action', e.target.value)}
      />
      <TextField
        id="audit-target"
        label={t('audit.targetId')}
        description={t('audit.targetIdHint')}
        value={draft.targetId ?? ''}
        onChange={(e) => set('targetId', e.target.value.trim())}
      />
      <TextField
        id="audit-from"
        type="date"
        label={t('audit.from')}
        value={draft.from ?? ''}
        onChange={(e) => set('from', e.target.value)}
      />
      <TextField
        id="audit-to"
        type="date"
        label={t('audit.to')}
        value={draft.to ?? ''}
        onChange={(e) => set('to', e.target.value)}
      />
      <div className="office-actions">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button variant="secondary" onClick={() => onApply({})}>
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}

function AuditTable({ result, onPage }: { result: AuditResult; onPage: (page: number) => void }) {
  const { t, locale } = useT();
  const table = useRef<HTMLElement>(null);
  // After paging, the reader continues at the top of the new rows, not on a button that may
  // have become disabled.
  const page = (n: number) => {
    onPage(n);
    table.current?.focus();
  };
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const when = (iso: string) =>
    formatDate(locale, new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
  if (result.entries.length === 0) return <Paragraph role="status">{t('audit.none')}</Paragraph>;
  return (
    <>
      <Paragraph role="status" data-size="sm">
        {t('audit.total', { count: result.total })}
      </Paragraph>
      <TableScroll ref={table} labelledBy="audit-caption">
        <Table zebra className="office-table">
          <caption id="audit-caption" className="office-visually-hidden">
            {t('audit.caption', { page: result.page, pages })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.actor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.outcome')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.target')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.ip')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.entries.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell className="office-nowrap">{when(e.at)}</Table.Cell>
                <Table.Cell className="office-wrap">{e.actorLabel}</Table.Cell>
                <Table.Cell>
                  <code>{e.action}</code>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={outcomeColor[e.outcome] ?? 'neutral'} data-size="sm">
                    {t(`audit.outcomes.${e.outcome}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  {e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` : '–'}
                </Table.Cell>
                <Table.Cell>{e.ip ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <nav className="office-paging" aria-label={t('audit.paging')}>
        <Button
          variant="secondary"
          data-size="sm"
          disabled={result.page <= 1}
          onClick={() => page(result.page - 1)}
        >
          {t('audit.previous')}
        </Button>
        <span>{t('audit.page', { page: result.page, pages })}</span>
        <Button
          variant="secondary"
          data-size="sm"
          disabled={result.page >= pages}
          onClick={() => page(result.page + 1)}
        >
          {t('audit.next')}
        </Button>
      </nav>
    </>
  );
}
