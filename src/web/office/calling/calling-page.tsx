import { Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../components/forms.js';
import { Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useProgressT } from '../progress/text.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type Campaign, callingApi } from './api.js';
import { CallScreen } from './call-screen.js';
import { CallerLinks } from './caller-links.js';
import { useCallingT } from './text.js';
import './calling.css';

/**
 * /office/calling. A caller sees only the calling screen for their campaign and municipality.
 * Staff choose a campaign (and a municipality) and get the same screen, and below it the
 * caller links (programme leaders) and the paper call sheets.
 */
export function CallingPage() {
  const user = useUser();
  const t = useCallingT();
  const progressT = useProgressT();
  if (user.role === 'caller') {
    return (
      <Page title={t('title')}>
        {user.campaignId ? (
          <>
            <CallScreen campaignId={user.campaignId} />
            <Paragraph>
              <Link
                className="ds-link"
                to={`/campaigns/${encodeURIComponent(user.campaignId)}/progress`}
              >
                {progressT('link')}
              </Link>
            </Paragraph>
          </>
        ) : (
          <Paragraph>{t('screen.noCampaigns')}</Paragraph>
        )}
      </Page>
    );
  }
  return <StaffCallingPage />;
}

/** Open referral campaigns of the region being worked in (an admin sees every region's). */
export function useCallingCampaigns() {
  const ws = useWorkspace();
  const regionId = ws.region?.id;
  const [all, setAll] = useState<Campaign[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    callingApi
      .campaigns()
      .then((list) => setAll(list.filter((c) => c.kind === 'referral' && c.status === 'open')))
      .catch(() => setFailed(true));
  }, []);
  const campaigns = all && (regionId ? all.filter((c) => c.regionId === regionId) : all);
  return { campaigns, failed };
}

function StaffCallingPage() {
  const t = useCallingT();
  const { t: officeT } = useT();
  const user = useUser();
  const ws = useWorkspace();
  const { campaigns, failed } = useCallingCampaigns();
  const [campaignId, setCampaignId] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState(ws.municipalityCode ?? '');
  const municipalities = ws.municipalities;
  const leader = user.role === 'admin' || user.role === 'programme_leader';

  useEffect(() => {
    if (!campaignId && campaigns?.length) setCampaignId(campaigns[0]!.id);
  }, [campaigns, campaignId]);
  useEffect(() => {
    if (!municipalityCode && municipalities.length) setMunicipalityCode(municipalities[0]!.code);
  }, [municipalities, municipalityCode]);

  if (failed) return <Page title={t('title')}>{officeT('errors.loadFailed')}</Page>;
  if (!campaigns || ws.status === 'loading') return <Loading />;
  const campaign = campaigns.find((c) => c.id === campaignId);
  return (
    <Page title={t('title')}>
      {campaigns.length === 0 ? (
        <Paragraph>{t('screen.noCampaigns')}</Paragraph>
      ) : (
        <>
          <div className="office-form calling-choices">
            <SelectField
              id="calling-campaign"
              label={t('screen.campaign')}
              value={campaignId}
              onChange={(e) => setCampaignId(e.target.value)}
              options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
            />
            {municipalities.length > 0 && (
              <SelectField
                id="calling-municipality"
                label={t('screen.municipality')}
                value={municipalityCode}
                onChange={(e) => setMunicipalityCode(e.target.value)}
                options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
              />
            )}
          </div>
          {campaign && municipalityCode && (
            <CallScreen
              key={`${campaign.id}:${municipalityCode}`}
              campaignId={campaign.id}
              municipalityCode={municipalityCode}
            />
          )}
          {campaign && municipalityCode && (
            <section aria-labelledby="paper-heading" className="calling-section">
              <Heading level={2} data-size="sm" id="paper-heading">
                {t('paper.heading')}
              </Heading>
              <Paragraph>{t('paper.intro')}</Paragraph>
              <ul className="calling-paper-links">
                <li>
                  <DsLink href={callingApi.sheetUrl(campaign.id, municipalityCode)} download>
                    {t('paper.download')}
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <Link
                      to={`/calling/paper?campaign=${encodeURIComponent(campaign.id)}&municipality=${municipalityCode}`}
                    >
                      {t('paper.enter')}
                    </Link>
                  </DsLink>
                </li>
              </ul>
            </section>
          )}
          {campaign && leader && ws.region && (
            <CallerLinks
              key={campaign.id}
              campaignId={campaign.id}
              municipalities={ws.region.municipalities}
            />
          )}
        </>
      )}
    </Page>
  );
}
