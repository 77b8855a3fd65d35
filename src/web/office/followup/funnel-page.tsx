import './followup.css';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type Funnel, followupApi } from './api.js';
import { formatDay } from './tasks-page.js';
import { type FollowupKey, type FollowupTranslate, useFollowupT } from './text.js';

type Figures = Funnel['total'];
const COLUMNS: Array<[keyof Figures, FollowupKey]> = [
  ['tipped', 'funnel.tipped'],
  ['carded', 'funnel.carded'],
  ['called', 'funnel.called'],
  ['reached', 'funnel.reached'],
  ['interested', 'funnel.interested'],
  ['movedWithin6Months', 'funnel.moved6'],
  ['movedWithin12Months', 'funnel.moved12'],
];

/** The campaign's results: the funnel as a table, reached against not, the cohort chart. */
export function FunnelScreen() {
  const f = useFollowupT();
  const { tag } = useT();
  const { campaignId = '' } = useParams();
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    try {
      setFunnel(await followupApi.funnel(campaignId));
    } catch {
      setFailed(true);
    }
  }, [campaignId]);
  useEffect(() => {
    void load();
  }, [load]);

  const intro = funnel?.callingDay
    ? f('funnel.intro', { day: formatDay(tag, funnel.callingDay) })
    : f('funnel.noDay');
  return (
    <Page title={f('funnel.title', { campaign: funnel?.campaignName ?? '' })} intro={intro}>
      <Paragraph>
        <Link className="ds-link" to="/follow-up">
          {f('funnel.back')}
        </Link>
      </Paragraph>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !funnel && <Loading />}
      {funnel && (
        <>
          <FunnelTable f={f} funnel={funnel} />
          <Compare f={f} figures={funnel.total} tag={tag} />
          <Cohort f={f} funnel={funnel} />
          <section aria-labelledby="funnel-exports" className="office-section">
            <Heading level={2} data-size="xs" id="funnel-exports">
              {f('funnel.exports')}
            </Heading>
            <ul className="office-links">
              <li>
                <a className="ds-link" href={followupApi.exportUrl(campaignId, 'csv')} download>
                  {f('funnel.csv')}
                </a>
              </li>
              <li>
                <a className="ds-link" href={followupApi.exportUrl(campaignId, 'xlsx')} download>
                  {f('funnel.xlsx')}
                </a>
              </li>
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}

function FunnelTable({ f, funnel }: { f: FollowupTranslate; funnel: Funnel }) {
  const row = (key: string, name: string, figures: Figures) => (
    <Table.Row key={key}>
      <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
      {COLUMNS.map(([column]) => (
        <Table.Cell key={column}>{figures[column]}</Table.Cell>
      ))}
    </Table.Row>
  );
  return (
    <TableScroll labelledBy="funnel-caption">
      <Table className="office-table" data-size="sm">
        <caption id="funnel-caption" className="followup-caption">
          {f('funnel.caption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{f('funnel.municipality')}</Table.HeaderCell>
            {COLUMNS.map(([column, label]) => (
              <Table.HeaderCell key={column}>{f(label)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {funnel.municipalities.map((m) => row(m.code, m.name, m.figures))}
          {row('total', f('funnel.total'), funnel.total)}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function Compare({ f, figures, tag }: { f: FollowupTranslate; figures: Figures; tag: string }) {
  const percent = (rate: number | null) =>
    rate === null
      ? f('funnel.notAvailable')
      : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  return (
    <section aria-labelledby="funnel-compare" className="office-section">
      <Heading level={2} data-size="xs" id="funnel-compare">
        {f('funnel.compareTitle')}
      </Heading>
      <TableScroll labelledBy="compare-caption">
        <Table className="office-table" data-size="sm">
          <caption id="compare-caption" className="followup-caption">
            {f('funnel.compareCaption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{f('funnel.group')}</Table.HeaderCell>
              <Table.HeaderCell>{f('funnel.people')}</Table.HeaderCell>
              <Table.HeaderCell>{f('funnel.moved')}</Table.HeaderCell>
              <Table.HeaderCell>{f('funnel.rate')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            <Table.Row>
              <Table.HeaderCell scope="row">{f('funnel.reachedGroup')}</Table.HeaderCell>
              <Table.Cell>{figures.reached}</Table.Cell>
              <Table.Cell>{figures.reachedMoved}</Table.Cell>
              <Table.Cell>{percent(figures.reachedMoveRate)}</Table.Cell>
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row">{f('funnel.notReachedGroup')}</Table.HeaderCell>
              <Table.Cell>{figures.notReachedCalled}</Table.Cell>
              <Table.Cell>{figures.notReachedMoved}</Table.Cell>
              <Table.Cell>{percent(figures.notReachedMoveRate)}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

const W = 480;
const H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 32 };

/** The cumulative moves as a simple step of bars; the table beside it holds the same numbers. */
function Cohort({ f, funnel }: { f: FollowupTranslate; funnel: Funnel }) {
  if (funnel.cohort.length === 0) return null;
  const max = Math.max(1, ...funnel.cohort.map((c) => c.cumulative));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / funnel.cohort.length;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const last = funnel.cohort[funnel.cohort.length - 1]!;
  const label = f('funnel.chartLabel', { total: last.cumulative, months: last.month });
  return (
    <section aria-labelledby="funnel-cohort" className="office-section">
      <Heading level={2} data-size="xs" id="funnel-cohort">
        {f('funnel.cohortTitle')}
      </Heading>
      <figure className="followup-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="followup-svg">
          <title>{label}</title>
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + plotH}
            y2={PAD.top + plotH}
            className="followup-axis"
          />
          <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className="followup-tick">
            {max}
          </text>
          <text x={PAD.left - 6} y={PAD.top + plotH + 4} textAnchor="end" className="followup-tick">
            0
          </text>
          {funnel.cohort.map((c, i) => (
            <g key={c.month}>
              <rect
                x={PAD.left + i * barW + 2}
                y={y(c.cumulative)}
                width={Math.max(1, barW - 4)}
                height={PAD.top + plotH - y(c.cumulative)}
                className="followup-bar"
              />
              <text
                x={PAD.left + i * barW + barW / 2}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                className="followup-tick"
              >
                {c.month}
              </text>
            </g>
          ))}
        </svg>
      </figure>
      <TableScroll labelledBy="cohort-caption">
        <Table className="office-table" data-size="sm">
          <caption id="cohort-caption" className="followup-caption">
            {f('funnel.cohortCaption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{f('funnel.month')}</Table.HeaderCell>
              <Table.HeaderCell>{f('funnel.moves')}</Table.HeaderCell>
              <Table.HeaderCell>{f('funnel.cumulative')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {funnel.cohort.map((c) => (
              <Table.Row key={c.month}>
                <Table.HeaderCell scope="row">
                  {f('funnel.monthN', { n: c.month })}
                </Table.HeaderCell>
                <Table.Cell>{c.moves}</Table.Cell>
                <Table.Cell>{c.cumulative}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
