import { formatNumber } from '../../i18n/locales.js';
import { Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { RenderInput } from '../types.js';
import { jobsTranslator } from './text.js';

/**
 * "Vacancies in the region now: 42 – see the vacancies" on the front page, or for one
 * municipality on its page (the link then opens the search filtered to it).
 */
export function JobCount({
  input,
  municipality,
}: {
  input: RenderInput;
  municipality?: { code: string; name: string };
}) {
  const jobs = input.jobs;
  if (!jobs) return null;
  const t = jobsTranslator(input.locale);
  const count = formatNumber(
    input.locale,
    municipality ? (jobs.byMunicipality[municipality.code] ?? 0) : jobs.total,
  );
  const href =
    localePath(input.locale, '/jobber') +
    (municipality ? `?municipality=${municipality.code}` : '');
  return (
    <Paragraph className="fh-jobcount">
      {municipality
        ? t('front.municipalityCount', { name: municipality.name, count })
        : t('front.count', { count })}{' '}
      <a className="ds-link" href={href}>
        {t('front.link')}
      </a>
    </Paragraph>
  );
}
