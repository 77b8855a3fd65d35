import { Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { ReferralPageProps } from './render.js';

export interface CampaignLink {
  slug: string;
  title: string;
  intro: string;
}

/** The region's open referral campaigns, each a way into its tip form. */
export function TipListPage({
  input,
  t,
  campaigns,
}: ReferralPageProps & { campaigns: CampaignLink[] }) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('list.title')}
      </Heading>
      <Paragraph data-size="lg">{campaigns.length ? t('list.lead') : t('list.none')}</Paragraph>
      {campaigns.length ? (
        <ul className="fh-cards">
          {campaigns.map((c) => (
            <li key={c.slug} className="ds-card fh-card" data-color="neutral">
              <Heading level={2} data-size="xs">
                <a className="fh-card__link" href={localePath(input.locale, `/tips/${c.slug}`)}>
                  {c.title}
                </a>
              </Heading>
              {c.intro ? <Paragraph data-size="sm">{c.intro}</Paragraph> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** After a tip, and after a dropped one too: the tipper cannot tell them apart. */
export function ThanksPage({ input, t, slug }: ReferralPageProps & { slug: string }) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('thanks.title')}
      </Heading>
      <Paragraph data-size="lg">{t('thanks.body')}</Paragraph>
      <Paragraph>
        <a className="ds-link" href={localePath(input.locale, `/tips/${slug}`)}>
          {t('thanks.again')}
        </a>
      </Paragraph>
    </div>
  );
}

export function ClosedPage({ t }: ReferralPageProps) {
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('closed.title')}
      </Heading>
      <Paragraph data-size="lg">{t('closed.body')}</Paragraph>
    </div>
  );
}
