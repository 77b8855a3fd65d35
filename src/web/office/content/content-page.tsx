import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type ContentSummary, contentApi } from './api.js';
import { HostsPanel } from './hosts-panel.js';
import { useContentT } from './text.js';

/** The region an administrator works in (the workspace's); others have their own. */
export function useContentApi() {
  const user = useUser();
  const { region } = useWorkspace();
  const regionId = user.role === 'admin' ? (region?.id ?? null) : null;
  return useMemo(() => contentApi(regionId), [regionId]);
}

const dateOf = (iso: string) =>
  new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** Pages and news of the region: what exists, in which languages, and what is published. */
export function ContentPage() {
  const t = useContentT();
  const api = useContentApi();
  const navigate = useNavigate();
  const [items, setItems] = useState<ContentSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setItems((await api.list()).items);
    } catch {
      setFailed(true);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page title={t('office.title')} intro={t('office.lead')}>
      <div className="office-actions">
        <Button id="content-new-page" onClick={() => navigate('/content/new?kind=page')}>
          {t('office.newPage')}
        </Button>
        <Button
          id="content-new-news"
          variant="secondary"
          onClick={() => navigate('/content/new?kind=news')}
        >
          {t('office.newNews')}
        </Button>
      </div>
      {failed ? <LoadFailed onRetry={() => void load()} /> : null}
      {!items && !failed ? <Loading /> : null}
      {items && items.length === 0 ? <Paragraph>{t('office.none')}</Paragraph> : null}
      {items && items.length > 0 ? (
        <TableScroll labelledBy="content-caption">
          <Table>
            <caption id="content-caption">{t('office.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('office.columns.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.languages')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.updated')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>
                    <Link className="ds-link" to={`/content/${item.id}`}>
                      {item.title}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{t(`office.kinds.${item.kind}`)}</Table.Cell>
                  <Table.Cell>{t(`office.status.${item.status}`)}</Table.Cell>
                  <Table.Cell>
                    {item.languages.map((l) => t(`office.languages.${l}`)).join(', ')}
                  </Table.Cell>
                  <Table.Cell>{dateOf(item.updatedAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <HostsPanel />
    </Page>
  );
}
