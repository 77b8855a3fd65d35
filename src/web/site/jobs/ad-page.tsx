import { Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { JobsPageProps } from './render.js';
import { safeDescriptionHtml } from './safe-html.js';
import { dayText, deadlineText } from './search-page.js';
import type { AdView } from './types.js';

/** Only web addresses become links: a stored `javascript:` URL is shown as nothing. */
const webUrl = (url: string | null): string | null =>
  url && /^https?:\/\//i.test(url) ? url : null;

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** One ad: the facts, the description (re-sanitised), and the way to NAV and to apply. */
export function AdPage({ input, t, ad }: JobsPageProps & { ad: AdView }) {
  const none = t('ad.notGiven');
  const place = [ad.workCity, ad.municipalityName !== ad.workCity ? ad.municipalityName : null]
    .filter(Boolean)
    .join(', ');
  const apply = webUrl(ad.applicationUrl);
  const nav = webUrl(ad.navLink);
  return (
    <article className="fh-container fh-section fh-prose" aria-labelledby="job-title">
      <Paragraph>
        <a className="ds-link" href={localePath(input.locale, '/jobber')}>
          {t('ad.back')}
        </a>
      </Paragraph>
      <Heading level={1} data-size="xl" id="job-title">
        {ad.title}
      </Heading>
      <Paragraph data-size="lg">{ad.employerName}</Paragraph>
      <section aria-labelledby="job-facts">
        <Heading level={2} data-size="sm" id="job-facts">
          {t('ad.facts')}
        </Heading>
        <dl className="fh-facts">
          <Fact term={t('ad.employer')} value={ad.employerName} />
          <Fact term={t('ad.place')} value={place} />
          <Fact term={t('ad.deadline')} value={deadlineText(input.locale, ad) ?? none} />
          <Fact term={t('ad.published')} value={dayText(input.locale, ad.publishedAt)} />
          <Fact term={t('ad.occupation')} value={ad.occupation ?? none} />
          <Fact
            term={t('ad.sector')}
            value={
              ad.sector === 'public' || ad.sector === 'private'
                ? t(`search.sectors.${ad.sector}`)
                : (ad.sector ?? none)
            }
          />
          <Fact
            term={t('ad.extent')}
            value={
              ad.extent === 'full_time' || ad.extent === 'part_time'
                ? t(`search.extents.${ad.extent}`)
                : none
            }
          />
          <Fact term={t('ad.engagement')} value={ad.engagementType ?? none} />
        </dl>
      </section>
      <div className="fh-jobs-actions">
        {apply ? (
          <a className="ds-button" data-variant="primary" href={apply} rel="noopener noreferrer">
            {t('ad.apply')}
          </a>
        ) : null}
        {nav ? (
          <a className="ds-button" data-variant="secondary" href={nav} rel="noopener noreferrer">
            {t('ad.navLink')}
          </a>
        ) : null}
      </div>
      <section aria-labelledby="job-description">
        <Heading level={2} data-size="sm" id="job-description">
          {t('ad.description')}
        </Heading>
        <div
          className="fh-jobs-description"
          lang="nb"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised at ingest and again here
          dangerouslySetInnerHTML={{ __html: safeDescriptionHtml(ad.descriptionHtml) }}
        />
      </section>
      <Paragraph data-size="sm">{t('ad.source')}</Paragraph>
    </article>
  );
}
