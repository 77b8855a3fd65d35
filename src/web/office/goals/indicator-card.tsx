import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { TableScroll } from '../components/page.js';
import { drillDownPath, formatValue, type IndicatorStatus, local } from './format.js';
import type { GoalsTranslate } from './text.js';

const STATUS_LOOK = {
  on_track: { color: 'success', icon: '✓' },
  at_risk: { color: 'warning', icon: '!' },
  off_track: { color: 'danger', icon: '✕' },
  no_data: { color: 'neutral', icon: '–' },
} as const;

/** The status in words with an icon: never colour alone. */
export function StatusTag({ g, status }: { g: GoalsTranslate; status: IndicatorStatus['status'] }) {
  const look = STATUS_LOOK[status];
  return (
    <Tag data-color={look.color} data-size="sm" className="goals-status">
      <span aria-hidden="true" className="goals-status-icon">
        {look.icon}
      </span>{' '}
      {g(`status.${status}`)}
    </Tag>
  );
}

interface Props {
  g: GoalsTranslate;
  tag: string;
  locale: string;
  indicator: IndicatorStatus;
  linkTo: (path: string) => string;
}

/** One indicator: status, latest against target, the trend chart and the same as a table. */
export function IndicatorCard({ g, tag, locale, indicator: ind, linkTo }: Props) {
  const name = local(ind.name, locale);
  const fmt = (v: number) => formatValue(tag, ind.unit, v);
  const headingId = `goal-ind-${ind.id}`;
  return (
    <article className="goals-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="2xs" id={headingId}>
        {name}
      </Heading>
      <StatusTag g={g} status={ind.status} />
      <dl className="goals-facts">
        <dt>{g('dashboard.latest')}</dt>
        <dd>
          {ind.latest ? `${fmt(ind.latest.value)} (${ind.latest.label})` : g('dashboard.none')}
        </dd>
        <dt>{g('dashboard.target')}</dt>
        <dd>
          {ind.period
            ? g('dashboard.targetBy', { target: fmt(ind.target), to: ind.period.to.slice(0, 4) })
            : fmt(ind.target)}
        </dd>
        <dt>{g('dashboard.baseline')}</dt>
        <dd>{ind.baseline === null ? g('dashboard.none') : fmt(ind.baseline)}</dd>
      </dl>
      <Paragraph data-size="sm" className="goals-source">
        {g(`sources.${ind.source.kind}`)} · {g(`units.${ind.unit}`)}
      </Paragraph>
      <TrendChart g={g} name={name} indicator={ind} fmt={fmt} />
      <details className="goals-table">
        <summary>{g('dashboard.showTable')}</summary>
        <TableScroll label={name}>
          <Table data-size="sm" className="office-table">
            <caption className="office-visually-hidden">{name}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{g('dashboard.year')}</Table.HeaderCell>
                <Table.HeaderCell>{g('dashboard.value')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ind.points.map((p) => (
                <Table.Row key={p.label}>
                  <Table.HeaderCell scope="row">{p.label}</Table.HeaderCell>
                  <Table.Cell>
                    {p.value !== null
                      ? fmt(p.value)
                      : p.suppressed
                        ? g('dashboard.hidden')
                        : g('dashboard.noValue')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </details>
      <Paragraph data-size="sm">
        <Link className="ds-link" to={linkTo(drillDownPath(ind))}>
          {g('dashboard.drillDown')}
          <span className="office-visually-hidden">: {name}</span>
        </Link>
      </Paragraph>
    </article>
  );
}

const W = 300;
const H = 110;
const PAD = 22;

interface ChartProps {
  g: GoalsTranslate;
  name: string;
  indicator: IndicatorStatus;
  fmt: (v: number) => string;
}

/** The yearly values as a line against a dashed target line; the table above says the same. */
function TrendChart({ g, name, indicator: ind, fmt }: ChartProps) {
  const values = ind.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const all = [...values, ind.target, ...(ind.baseline === null ? [] : [ind.baseline])];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const n = ind.points.length;
  const x = (i: number) => PAD + (n <= 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (n - 1));
  const y = (v: number) => H - PAD - ((v - lo) / span) * (H - 2 * PAD);
  const segments: string[][] = [[]];
  ind.points.forEach((p, i) => {
    if (p.value === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  return (
    <svg
      className="goals-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={g('dashboard.chartLabel', { name, target: fmt(ind.target) })}
    >
      <line
        className="goals-chart-target"
        x1={PAD}
        x2={W - PAD}
        y1={y(ind.target)}
        y2={y(ind.target)}
      />
      <text className="goals-chart-text" x={W - PAD} y={y(ind.target) - 4} textAnchor="end">
        {g('dashboard.targetLine')} {fmt(ind.target)}
      </text>
      {segments
        .filter((s) => s.length > 0)
        .map((s) => (
          <polyline key={s[0]} className="goals-chart-line" points={s.join(' ')} />
        ))}
      {ind.points.map((p, i) =>
        p.value === null ? null : (
          <circle key={p.label} className="goals-chart-dot" cx={x(i)} cy={y(p.value)} r={3} />
        ),
      )}
      {ind.points.map((p, i) => (
        <text key={p.label} className="goals-chart-text" x={x(i)} y={H - 6} textAnchor="middle">
          {n > 6 && i % 2 === 1 ? '' : p.label}
        </text>
      ))}
    </svg>
  );
}
