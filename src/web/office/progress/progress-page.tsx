import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  CampaignProgress,
  MunicipalityProgress,
  ProgressCounts,
} from '../../../contracts/calling-progress.js';
import { formatDate, formatNumber } from '../../i18n/locales.js';
import { Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type ProgressTranslate, useProgressT } from './text.js';
import { type StreamStatus, useProgressStream } from './use-progress-stream.js';
import './progress.css';

const COUNTS = ['calls', 'reached', 'interested', 'remaining', 'inProgress'] as const;
/** Share of the call target worth saying aloud; every other change is only shown. */
const MILESTONES = [25, 50, 75, 100];

/** /office/campaigns/:id/progress: the calling day as it happens, without reloading. */
export function ProgressScreen() {
  const { id = '' } = useParams();
  const p = useProgressT();
  const { progress, status } = useProgressStream(id);
  const milestone = useMilestone(progress, p);

  return (
    <Page
      title={p('title')}
      intro={progress ? p('intro', { campaign: progress.campaignName }) : undefined}
    >
      <Paragraph>
        <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(id)}`}>
          {p('back')}
        </Link>
      </Paragraph>
      <ConnectionStatus status={status} />
      {/* Milestones only: a screen reader is not read every number as it changes. */}
      <div role="status" className="office-visually-hidden">
        {milestone}
      </div>
      {!progress && status !== 'notFound' && status !== 'signedOut' && <Loading />}
      {progress && <ProgressBody progress={progress} />}
    </Page>
  );
}

function ConnectionStatus({ status }: { status: StreamStatus }) {
  const p = useProgressT();
  const tone = status === 'live' ? 'live' : status === 'connecting' ? 'waiting' : 'trouble';
  return (
    <div role="status" className={`progress-connection progress-connection-${tone}`}>
      <span className="progress-dot" aria-hidden="true" />
      <span>{p(`status.${status}`)}</span>
      {status === 'signedOut' && (
        <>
          {' '}
          <Link
            className="ds-link"
            to="/sign-in"
            state={{ from: window.location.pathname.replace(/^\/office/, '') }}
          >
            {p('status.signIn')}
          </Link>
        </>
      )}
    </div>
  );
}

/** The sentence to announce when the calls pass 25, 50, 75 or 100 % of the target. */
function useMilestone(progress: CampaignProgress | null, p: ProgressTranslate): string {
  const [said, setSaid] = useState('');
  const last = useRef<number | null>(null);
  useEffect(() => {
    const target = progress?.target;
    if (!target) return;
    const previous = last.current;
    last.current = target.percent;
    // The first numbers on screen are no news.
    if (previous === null) return;
    const passed = MILESTONES.filter((m) => previous < m && target.percent >= m).pop();
    if (passed === undefined) return;
    setSaid(
      p('target.milestone', {
        percent: passed,
        calls: progress.totals.calls,
        target: target.calls,
      }),
    );
  }, [progress, p]);
  return said;
}

function ProgressBody({ progress }: { progress: CampaignProgress }) {
  const p = useProgressT();
  const { locale } = useT();
  const n = (v: number) => formatNumber(locale, v);
  const time = formatDate(locale, new Date(progress.asOf), { timeStyle: 'medium' });
  return (
    <>
      <Section id="totals" title={p(progress.scope === 'region' ? 'totals.region' : 'totals.mine')}>
        <Figures counts={progress.totals} n={n} />
        {progress.target && (
          <div className="progress-target">
            <label htmlFor="progress-target-bar">
              {p('target.label', { target: n(progress.target.calls) })}
            </label>
            <progress
              id="progress-target-bar"
              max={progress.target.calls}
              value={Math.min(progress.totals.calls, progress.target.calls)}
              aria-valuetext={p('target.value', {
                calls: n(progress.totals.calls),
                target: n(progress.target.calls),
                percent: n(progress.target.percent),
              })}
            />
            <span>
              {p('target.value', {
                calls: n(progress.totals.calls),
                target: n(progress.target.calls),
                percent: n(progress.target.percent),
              })}
            </span>
          </div>
        )}
        <Paragraph data-size="sm" className="progress-updated">
          {p('updated', { time })}
        </Paragraph>
      </Section>
      <Municipalities rows={progress.municipalities} n={n} />
      <Callers progress={progress} n={n} />
    </>
  );
}

function Figures({ counts, n }: { counts: ProgressCounts; n: (v: number) => string }) {
  const p = useProgressT();
  return (
    <dl className="progress-figures">
      {COUNTS.map((key) => (
        <div key={key} className="progress-figure" data-testid={`total-${key}`}>
          <dt>{p(`counts.${key}`)}</dt>
          <dd>{n(counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

function Municipalities({ rows, n }: { rows: MunicipalityProgress[]; n: (v: number) => string }) {
  const p = useProgressT();
  return (
    <Section id="municipalities" title={p('municipalities.caption')}>
      <TableScroll labelledBy="section-municipalities">
        <Table className="office-table" data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{p('municipalities.municipality')}</Table.HeaderCell>
              {COUNTS.map((key) => (
                <Table.HeaderCell key={key} className="progress-number">
                  {p(`counts.${key}`)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell>{p('municipalities.done')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((m) => {
              const percent = m.carded
                ? Math.round((100 * (m.carded - m.remaining)) / m.carded)
                : 0;
              return (
                <Table.Row key={m.code} data-testid={`municipality-${m.code}`}>
                  <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                  {COUNTS.map((key) => (
                    <Table.Cell key={key} className="progress-number">
                      {n(m[key])}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="progress-done">
                    {m.carded ? (
                      <>
                        <span className="progress-bar" aria-hidden="true">
                          <span style={{ inlineSize: `${percent}%` }} />
                        </span>
                        <span className="office-nowrap">
                          {p('municipalities.doneValue', {
                            percent: n(percent),
                            carded: n(m.carded),
                          })}
                        </span>
                      </>
                    ) : (
                      p('municipalities.noList')
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </Section>
  );
}

function Callers({ progress, n }: { progress: CampaignProgress; n: (v: number) => string }) {
  const p = useProgressT();
  const own = progress.scope === 'municipalities' && progress.callers.length <= 1;
  return (
    <Section id="callers" title={p(own ? 'callers.captionOwn' : 'callers.caption')}>
      {progress.callers.length === 0 ? (
        <Paragraph>{p('callers.none')}</Paragraph>
      ) : (
        <TableScroll labelledBy="section-callers">
          <Table className="office-table" data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{p('callers.name')}</Table.HeaderCell>
                {(['calls', 'reached', 'interested'] as const).map((key) => (
                  <Table.HeaderCell key={key} className="progress-number">
                    {p(`counts.${key}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {progress.callers.map((c) => (
                <Table.Row key={c.callerId}>
                  <Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
                  <Table.Cell className="progress-number">{n(c.calls)}</Table.Cell>
                  <Table.Cell className="progress-number">{n(c.reached)}</Table.Cell>
                  <Table.Cell className="progress-number">{n(c.interested)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Section>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="office-section">
      <Heading level={2} data-size="sm" id={`section-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
