import { type PublicDocumentInput, renderPublicDocument } from '../public-document.js';
import { StartFormPage, StartThanksPage } from './start-form-page.js';
import { businessTranslator } from './text.js';
import type { StartFormState } from './types.js';

/** Whole documents for the «Start Her» pages, as the server sends them. */
export function renderStartForm(input: PublicDocumentInput, state: StartFormState): string {
  const t = businessTranslator(input.locale);
  return renderPublicDocument(
    input,
    t('form.title'),
    <StartFormPage t={t} locale={input.locale} state={state} />,
  );
}

export function renderStartThanks(input: PublicDocumentInput): string {
  const t = businessTranslator(input.locale);
  return renderPublicDocument(
    input,
    t('form.thanksTitle'),
    <StartThanksPage t={t} locale={input.locale} />,
  );
}
