import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ProspectSummary } from '../../../contracts/referral-office.js';
import { formatDate } from '../../i18n/locales.js';
import { ApiError } from '../api.js';
import { ConfirmDialog, LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useFollowupT } from '../followup/text.js';
import { useT } from '../i18n.js';
import { useProgressT } from '../progress/text.js';
import { useUser } from '../session.js';
import {
  type Campaign,
  type DuplicateProposal,
  mayManageCampaigns,
  type PostcardBatch,
  type ProspectList,
  referralApi,
} from './api.js';
import { useReferralT } from './text.js';

interface Loaded {
  campaign: Campaign;
  prospects: ProspectList;
  held: ProspectList;
  proposals: DuplicateProposal[];
  batches: PostcardBatch[] | null;
}

/** Postcard batches are the programme leader's; a host sees the rest. */
async function load(id: string): Promise<Loaded> {
  const [campaign, prospects, held, duplicates] = await Promise.all([
    referralApi.campaign(id),
    referralApi.prospects(id, false),
    referralApi.prospects(id, true),
    referralApi.duplicates(id),
  ]);
  const batches = await referralApi
    .batches(id)
    .then((b) => b.batches)
    .catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 403) return null;
      throw e;
    });
  return { campaign, prospects, held, proposals: duplicates.proposals, batches };
}

/** One campaign: its prospects, those held back, possible duplicates and postcards. */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useT();
  const user = useUser();
  const r = useReferralT();
  const progressT = useProgressT();
  const followT = useFollowupT();
  const [data, setData] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [toErase, setToErase] = useState<ProspectSummary | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks for fresh data
  useEffect(() => {
    let live = true;
    setFailed(false);
    load(id)
      .then((d) => live && setData(d))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id, reload]);

  /** Runs an action, then shows the campaign as it is now; a refusal is said in words. */
  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setNotice(null);
      try {
        await action();
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === 'conflict';
        setNotice(conflict ? r('office.noneWaiting') : t('errors.generic'));
      }
      setReload((n) => n + 1);
    },
    [r, t],
  );

  if (failed) return <LoadFailed onRetry={() => setReload((n) => n + 1)} />;
  if (!data) return <Loading />;
  const { campaign } = data;
  return (
    <Page title={campaign.name} intro={`${campaign.startsOn} – ${campaign.endsOn}`}>
      <Paragraph>
        <Link className="ds-link" to="/campaigns">
          {r('office.back')}
        </Link>
        {mayManageCampaigns(user.role) && (
          <>
            {' · '}
            <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(campaign.id)}&edit`}>
              {r('edit.edit')}
            </Link>
          </>
        )}
        {' · '}
        <a className="ds-link" href={`/tips/${encodeURIComponent(campaign.slug)}`}>
          {r('office.publicForm')}
        </a>
        {' · '}
        <Link className="ds-link" to={`/campaigns/${encodeURIComponent(campaign.id)}/progress`}>
          {progressT('link')}
        </Link>
        {' · '}
        <Link className="ds-link" to={`/follow-up/${encodeURIComponent(campaign.id)}/pipeline`}>
          {followT('tasks.pipelineLink', { campaign: campaign.name })}
        </Link>
        {' · '}
        <Link className="ds-link" to={`/follow-up/${encodeURIComponent(campaign.id)}/funnel`}>
          {followT('tasks.funnelLink', { campaign: campaign.name })}
        </Link>
      </Paragraph>
      {notice && (
        <Alert data-color="warning" role="status">
          {notice}
        </Alert>
      )}
      <Section id="prospects" title={r('office.prospects')}>
        <Prospects rows={data.prospects.prospects} empty={r('office.prospectsNone')} />
      </Section>
      <Section id="held" title={r('office.held')}>
        <Paragraph>{r('office.heldIntro')}</Paragraph>
        <Prospects
          rows={data.held.prospects}
          empty={r('office.heldNone')}
          actions={(p) => (
            <>
              <Button
                data-size="sm"
                variant="secondary"
                onClick={() => act(() => referralApi.release(p.id))}
              >
                {r('office.release')}
              </Button>{' '}
              <Button
                data-size="sm"
                variant="tertiary"
                data-color="danger"
                onClick={() => setToErase(p)}
              >
                {r('office.erase')}
              </Button>
            </>
          )}
        />
      </Section>
      <Section id="duplicates" title={r('office.duplicates')}>
        <Duplicates proposals={data.proposals} act={act} />
      </Section>
      <ConfirmDialog
        open={toErase !== null}
        title={r('office.eraseTitle', { name: toErase?.name ?? '' })}
        body={r('office.eraseBody')}
        confirmLabel={r('office.erase')}
        danger
        onCancel={() => setToErase(null)}
        onConfirm={() => {
          const target = toErase;
          setToErase(null);
          if (target) void act(() => referralApi.erase(target.id));
        }}
      />
      {data.batches && (
        <Section id="batches" title={r('office.batches')}>
          <Batches campaignId={campaign.id} batches={data.batches} act={act} />
        </Section>
      )}
    </Page>
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

function Prospects(props: {
  rows: ProspectSummary[];
  empty: string;
  actions?: (p: ProspectSummary) => ReactNode;
}) {
  const r = useReferralT();
  const { locale } = useT();
  if (props.rows.length === 0) return <Paragraph>{props.empty}</Paragraph>;
  return (
    <TableScroll label={r('office.prospects')}>
      <Table>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{r('office.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{r('office.columns.contact')}</Table.HeaderCell>
            <Table.HeaderCell>{r('office.columns.municipality')}</Table.HeaderCell>
            <Table.HeaderCell>{r('office.columns.tips')}</Table.HeaderCell>
            <Table.HeaderCell>{r('office.columns.stage')}</Table.HeaderCell>
            <Table.HeaderCell>{r('office.columns.informBy')}</Table.HeaderCell>
            {props.actions && <Table.HeaderCell />}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.rows.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <Link className="ds-link" to={`/campaigns?prospect=${encodeURIComponent(p.id)}`}>
                  {p.name}
                </Link>
              </Table.Cell>
              <Table.Cell>
                {[p.phone, [p.addressLine, p.postcode, p.city].filter(Boolean).join(' ')]
                  .filter(Boolean)
                  .join(', ')}
              </Table.Cell>
              <Table.Cell>{p.municipalityCode}</Table.Cell>
              <Table.Cell>{p.tipCount}</Table.Cell>
              <Table.Cell>
                <Tag data-color={p.stage === 'held' ? 'warning' : 'neutral'}>
                  {r(`office.stages.${p.stage}`)}
                </Tag>
              </Table.Cell>
              <Table.Cell>
                {formatDate(locale, new Date(p.informBy), { dateStyle: 'medium' })}
              </Table.Cell>
              {props.actions && <Table.Cell>{props.actions(p)}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

type Act = (action: () => Promise<unknown>) => Promise<void>;

/** Each proposal side by side: merge, keeping either, or keep them apart. */
function Duplicates({ proposals, act }: { proposals: DuplicateProposal[]; act: Act }) {
  const r = useReferralT();
  if (proposals.length === 0) return <Paragraph>{r('office.duplicatesNone')}</Paragraph>;
  return (
    <ul className="office-list">
      {proposals.map((p) => (
        <li key={p.id} className="office-section">
          <Paragraph>
            <strong>{r(`office.reasons.${p.reason}`)}</strong>
          </Paragraph>
          <Prospects rows={[p.a, p.b]} empty="" />
          <div className="office-actions">
            {[p.a, p.b].map((keep) => (
              <Button
                key={keep.id}
                data-size="sm"
                variant="secondary"
                onClick={() => act(() => referralApi.merge(p.id, keep.id))}
              >
                {r('office.keep', { name: keep.name })}
              </Button>
            ))}
            <Button
              data-size="sm"
              variant="tertiary"
              onClick={() => act(() => referralApi.keepApart(p.id))}
            >
              {r('office.keepApart')}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Batches(props: { campaignId: string; batches: PostcardBatch[]; act: Act }) {
  const r = useReferralT();
  const { locale } = useT();
  const date = (iso: string) =>
    formatDate(locale, new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <div className="office-actions">
        <Button onClick={() => props.act(() => referralApi.createBatch(props.campaignId))}>
          {r('office.newBatch')}
        </Button>
      </div>
      {props.batches.length === 0 ? (
        <Paragraph>{r('office.batchesNone')}</Paragraph>
      ) : (
        <ul className="office-list">
          {props.batches.map((b) => (
            <li key={b.id}>
              <Paragraph>
                {r('office.cards', { count: b.cardCount })} ·{' '}
                {r('office.made', { date: date(b.createdAt) })}
                {b.sentAt ? ` · ${r('office.sentOn', { date: date(b.sentAt) })}` : ''}
              </Paragraph>
              <div className="office-actions">
                <a className="ds-link" href={referralApi.fileUrl(b.id, 'pdf')} download>
                  {r('office.downloadPdf')}
                </a>
                <a className="ds-link" href={referralApi.fileUrl(b.id, 'csv')} download>
                  {r('office.downloadCsv')}
                </a>
                {!b.sentAt && (
                  <Button
                    data-size="sm"
                    variant="secondary"
                    onClick={() => props.act(() => referralApi.markSent(b.id))}
                  >
                    {r('office.markSent')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
