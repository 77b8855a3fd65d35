import { OptOutDonePage, OptOutPage } from './opt-out-page.js';
import { type ReferralPageInput, renderReferralDocument } from './render.js';
import { referralTranslator } from './text.js';
import { TipFormPage } from './tip-form-page.js';
import { type CampaignLink, ClosedPage, ThanksPage, TipListPage } from './tip-pages.js';
import type { OptOutState, TipFormState } from './types.js';

/** Whole documents for each referral page, as the server sends them. */
const tOf = (input: ReferralPageInput) => referralTranslator(input.locale);

export const renderTipList = (input: ReferralPageInput, campaigns: CampaignLink[]) =>
  renderReferralDocument(input, tOf(input)('list.title'), (p) => (
    <TipListPage {...p} campaigns={campaigns} />
  ));

export const renderTipForm = (input: ReferralPageInput, state: TipFormState) =>
  renderReferralDocument(input, state.campaign.title, (p) => <TipFormPage {...p} state={state} />);

export const renderClosed = (input: ReferralPageInput) =>
  renderReferralDocument(input, tOf(input)('closed.title'), (p) => <ClosedPage {...p} />);

export const renderThanks = (input: ReferralPageInput, slug: string) =>
  renderReferralDocument(input, tOf(input)('thanks.title'), (p) => (
    <ThanksPage {...p} slug={slug} />
  ));

export const renderOptOut = (input: ReferralPageInput, state: OptOutState) =>
  renderReferralDocument(input, tOf(input)('optOut.title'), (p) => (
    <OptOutPage {...p} state={state} />
  ));

export const renderOptOutDone = (input: ReferralPageInput) =>
  renderReferralDocument(input, tOf(input)('optOut.doneTitle'), (p) => <OptOutDonePage {...p} />);
