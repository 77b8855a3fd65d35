import type { Locale } from '../i18n/locales.js';
import { Button, Heading, Paragraph } from '../ui/ds-server.js';
import { type PublicDocumentInput, renderPublicDocument } from './public-document.js';
import { localePath, siteTranslator } from './text.js';

export type ConsentPageState = 'ask' | 'done' | 'unknown';

/** The page behind the withdrawal link in an email: ask, then confirm; unknown links say so. */
export function renderConsentPage(
  input: PublicDocumentInput & { locale: Locale },
  state: ConsentPageState,
): string {
  const t = siteTranslator(input.locale);
  const region = input.region.name;
  const title = t(
    state === 'done'
      ? 'consent.doneTitle'
      : state === 'unknown'
        ? 'consent.unknownTitle'
        : 'consent.title',
  );
  const body = (
    <section className="fh-container fh-section fh-prose" aria-labelledby="consent-title">
      <Heading level={1} data-size="lg" id="consent-title">
        {title}
      </Heading>
      {state === 'ask' ? (
        <>
          <Paragraph>{t('consent.lead', { region })}</Paragraph>
          <form method="post" action={localePath(input.locale, input.path)}>
            <Button type="submit">{t('consent.button')}</Button>
          </form>
        </>
      ) : (
        <Paragraph>{t(state === 'done' ? 'consent.done' : 'consent.unknown')}</Paragraph>
      )}
    </section>
  );
  return renderPublicDocument(input, title, body);
}
