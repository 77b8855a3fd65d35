import './referral.css';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useUser } from '../session.js';
import { type Campaign, mayManageCampaigns, referralApi } from './api.js';
import { CampaignDetail } from './campaign-detail.js';
import { CampaignForm } from './campaign-form.js';
import { ProspectPage } from './prospect-page.js';
import { useReferralT } from './text.js';

/**
 * Campaigns, all under one route: the list; a new one (`?new`); one campaign's prospects,
 * duplicates and postcards (`?id=`); its form (`?id=&edit`); one prospect (`?prospect=`).
 */
export function CampaignsPage() {
  const [params] = useSearchParams();
  const manages = mayManageCampaigns(useUser().role);
  const id = params.get('id');
  const prospect = params.get('prospect');
  if (prospect) return <ProspectPage key={prospect} id={prospect} />;
  if (manages && params.has('new')) return <CampaignForm key="new" />;
  if (manages && id && params.has('edit')) return <CampaignForm key={id} id={id} />;
  return id ? <CampaignDetail key={id} id={id} /> : <CampaignList />;
}

function CampaignList() {
  const r = useReferralT();
  const user = useUser();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks for a fresh list
  useEffect(() => {
    let live = true;
    setFailed(false);
    referralApi
      .campaigns()
      .then((res) => live && setCampaigns(res.campaigns))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [reload]);

  return (
    <Page title={r('office.title')} intro={r('office.intro')}>
      {mayManageCampaigns(user.role) && (
        <Paragraph>
          <Link className="ds-link" to="/campaigns?new">
            {r('edit.newLink')}
          </Link>
        </Paragraph>
      )}
      {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {!failed && !campaigns && <Loading />}
      {campaigns && campaigns.length === 0 && <Paragraph>{r('office.none')}</Paragraph>}
      {campaigns && campaigns.length > 0 && (
        <TableScroll label={r('office.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{r('office.name')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.status')}</Table.HeaderCell>
                <Table.HeaderCell>{r('office.period')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {campaigns.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link className="ds-link" to={`/campaigns?id=${encodeURIComponent(c.id)}`}>
                      {c.name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{r(`office.kinds.${c.kind}`)}</Table.Cell>
                  <Table.Cell>{r(`office.statuses.${c.status}`)}</Table.Cell>
                  <Table.Cell>{`${c.startsOn} – ${c.endsOn}`}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Page>
  );
}
