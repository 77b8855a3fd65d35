import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { formatDate, formatNumber } from '../../i18n/locales.js';
import { api, type StatisticsImport } from '../api.js';
import { LoadFailed, Loading, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';

/** Where the figures came from: each SSB import, newest first (admins and programme leaders). */
export function ImportList() {
  const { t, locale } = useT();
  const [imports, setImports] = useState<StatisticsImport[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a retry counter
  useEffect(() => {
    let live = true;
    setFailed(false);
    api.statistics
      .imports()
      .then((r) => live && setImports(r.imports))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [reload]);

  const when = (iso: string | null) =>
    iso ? formatDate(locale, new Date(iso), { dateStyle: 'short', timeStyle: 'short' }) : '–';
  return (
    <section aria-labelledby="stat-imports">
      <Heading level={2} data-size="sm" id="stat-imports" className="office-section-title">
        {t('statistics:page.importsTitle')}
      </Heading>
      {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {!failed && !imports && <Loading />}
      {imports?.length === 0 && <Paragraph>{t('statistics:page.importsEmpty')}</Paragraph>}
      {imports && imports.length > 0 && (
        <TableScroll labelledBy="stat-imports-caption">
          <Table zebra className="office-table">
            <caption id="stat-imports-caption" className="office-visually-hidden">
              {t('statistics:page.importsTitle')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('statistics:page.importsImported')}</Table.HeaderCell>
                <Table.HeaderCell>{t('statistics:page.importsTable')}</Table.HeaderCell>
                <Table.HeaderCell>{t('statistics:page.importsSource')}</Table.HeaderCell>
                <Table.HeaderCell>{t('statistics:page.importsUpdated')}</Table.HeaderCell>
                <Table.HeaderCell className="fh-num">
                  {t('statistics:page.importsCells')}
                </Table.HeaderCell>
                <Table.HeaderCell className="fh-num">
                  {t('statistics:page.importsChanged')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {imports.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell className="office-nowrap">{when(i.importedAt)}</Table.Cell>
                  <Table.Cell>{i.tableId}</Table.Cell>
                  <Table.Cell className="office-wrap">{i.source}</Table.Cell>
                  <Table.Cell className="office-nowrap">{when(i.ssbUpdated)}</Table.Cell>
                  <Table.Cell className="fh-num">{formatNumber(locale, i.cellCount)}</Table.Cell>
                  <Table.Cell className="fh-num">{formatNumber(locale, i.changedCount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
