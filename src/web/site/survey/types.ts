import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import type { SiteAssets } from '../types.js';

/** A question as the page shows it: its wording in the page's language. */
export interface SurveyPageQuestion {
  key: string;
  type: 'scale5' | 'scale10' | 'single' | 'yesno';
  label: string;
  /** The words at each end of a scale. */
  low?: string;
  high?: string;
  options: { value: string; label: string }[];
}

export interface SurveyFormState {
  title: string;
  intro: string;
  questions: SurveyPageQuestion[];
  /** Form values by question key, kept when the form is shown again. */
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  /** Signed hidden field binding the form to this link (see survey-form.ts). */
  formToken: string;
  notice?: 'tooMany' | 'tooFast';
}

export interface SurveyPageInput {
  locale: Locale;
  /** The path without its language prefix, for the language switch. */
  path: string;
  region: Region;
  assets: SiteAssets;
}
