import { Heading, Paragraph } from '../ui/ds-server.js';
import type { PageProps } from './types.js';

/** The accessibility statement the law requires (short and provisional for now). */
export function AccessibilityPage({ t, regionName }: PageProps) {
  const sections = [
    ['testedTitle', 'tested'],
    ['knownTitle', 'known'],
    ['feedbackTitle', 'feedback'],
  ] as const;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {t('accessibility.title')}
      </Heading>
      <Paragraph data-size="lg">{t('accessibility.lead', { region: regionName })}</Paragraph>
      {sections.map(([title, body]) => (
        <section key={title} className="fh-stack">
          <Heading level={2} data-size="sm">
            {t(`accessibility.${title}`)}
          </Heading>
          <Paragraph>{t(`accessibility.${body}`, { region: regionName })}</Paragraph>
        </section>
      ))}
      <section className="fh-stack">
        <Heading level={2} data-size="sm">
          {t('accessibility.authorityTitle')}
        </Heading>
        <Paragraph>{t('accessibility.authority')}</Paragraph>
        <Paragraph>
          <a className="ds-link" href="https://www.uutilsynet.no/" hrefLang="nb">
            {t('accessibility.authorityLink')}
          </a>
        </Paragraph>
      </section>
    </div>
  );
}
