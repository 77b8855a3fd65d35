import './newcomers.css';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { RetentionFigures } from '../../../contracts/newcomers.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { newcomersApi, type RetentionReport } from './api.js';
import { type NewcomersTranslate, useNewcomersT } from './text.js';

/** «Blir de boende?»: still living here after 12 and 24 months, as tables and downloads. */
export function RetentionScreen() {
  const n = useNewcomersT();
  const [report, setReport] = useState<RetentionReport | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    newcomersApi
      .retention()
      .then(setReport)
      .catch(() => setFailed(true));
  };
  useEffect(load, []);
  return (
    <Page title={n('retention.title')} intro={n('retention.intro')}>
      <Paragraph>
        <Link className="ds-link" to="/newcomers">
          {n('office.back')}
        </Link>
      </Paragraph>
      <div className="newcomers-links">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a key={format} className="ds-link" href={newcomersApi.retentionUrl(format)} download>
            {n('retention.download', { format: format.toUpperCase() })}
          </a>
        ))}
      </div>
      {failed && <LoadFailed onRetry={load} />}
      {!failed && !report && <Loading />}
      {report && (
        <>
          <Figures
            n={n}
            id="ret-municipalities"
            title={n('retention.byMunicipality')}
            rows={[
              { key: 'total', name: n('retention.total'), figures: report.total },
              ...report.municipalities.map((m) => ({
                key: m.code,
                name: m.name,
                figures: m.figures,
              })),
            ]}
          />
          <Figures
            n={n}
            id="ret-campaigns"
            title={n('retention.byCampaign')}
            rows={report.campaigns.map((c) => ({
              key: c.campaignId ?? 'none',
              name: c.name ?? n('retention.noCampaign'),
              figures: c.figures,
            }))}
          />
        </>
      )}
    </Page>
  );
}

interface Row {
  key: string;
  name: string;
  figures: RetentionFigures;
}

function Figures({
  n,
  id,
  title,
  rows,
}: {
  n: NewcomersTranslate;
  id: string;
  title: string;
  rows: Row[];
}) {
  const { locale } = useT();
  const pct = (rate: number | null) =>
    rate === null
      ? n('retention.none')
      : n('retention.share', {
          share: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(rate * 100),
        });
  return (
    <section aria-labelledby={id} className="office-section">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      <TableScroll labelledBy={id}>
        <Table className="office-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{n('retention.group')}</Table.HeaderCell>
              <Table.HeaderCell>{n('retention.counted12')}</Table.HeaderCell>
              <Table.HeaderCell>{n('retention.living12')}</Table.HeaderCell>
              <Table.HeaderCell>{n('retention.counted24')}</Table.HeaderCell>
              <Table.HeaderCell>{n('retention.living24')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.key}>
                <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                <Table.Cell>{r.figures.cohort12}</Table.Cell>
                <Table.Cell>
                  {r.figures.living12} ({pct(r.figures.rate12)})
                </Table.Cell>
                <Table.Cell>{r.figures.cohort24}</Table.Cell>
                <Table.Cell>
                  {r.figures.living24} ({pct(r.figures.rate24)})
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
