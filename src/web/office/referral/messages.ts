import type { ReferralKey, ReferralTranslate } from '../../site/referral/text.js';
import { ApiError } from '../api.js';
import { errorsFrom, type FormErrors, fieldMessage } from '../components/forms.js';
import type { Translate } from '../i18n.js';

/** The API's English messages for campaigns, prospects and pictures, in the reader's language. */
const known: Record<string, ReferralKey> = {
  'Ends before it starts': 'edit.messages.endsBeforeStarts',
  'A time as HH:MM': 'edit.messages.time',
  'At least one day': 'edit.messages.oneDay',
  'A date as YYYY-MM-DD': 'edit.messages.date',
  'Lower-case letters, digits and hyphens (2–64)': 'edit.messages.slugFormat',
  'Not a phone number': 'edit.messages.phone',
  'A Norwegian postcode has four digits': 'edit.messages.postcode',
  'A municipality number has four digits': 'edit.messages.notInRegion',
  "Give the person's phone number or postal address": 'edit.messages.phoneOrAddress',
  'Give both the street address and the postcode': 'edit.messages.addressIncomplete',
  'Not a municipality of the region': 'edit.messages.notInRegion',
  'Not one of your municipalities': 'edit.messages.notYours',
  'Not a PNG or JPEG image': 'edit.imageErrors.notImage',
  'Not base64': 'edit.imageErrors.notImage',
  'The image is too small to print': 'edit.imageErrors.tooSmall',
  'The image cannot be read': 'edit.imageErrors.unreadable',
  'The image is larger than 2 MB': 'edit.imageErrors.tooLarge',
};

export function referralMessage(
  t: Translate,
  r: ReferralTranslate,
  issue: { field: string; message: string },
): string {
  const key = known[issue.message];
  if (key) return r(key);
  const tooLong = /^At most (\d+) characters$/.exec(issue.message);
  if (tooLong) return r('edit.messages.tooLong', { max: tooLong[1]! });
  const wrongType = /^The file is not (image\/\w+)$/.exec(issue.message);
  if (wrongType) return r('edit.imageErrors.wrongType', { type: wrongType[1]! });
  if (issue.field.startsWith('targets.')) return r('edit.messages.number');
  return fieldMessage(t, issue.message);
}

/**
 * A failed save as form errors: each field's message by its input (`idOf` gives the input's
 * id for an API field, or null to list it on top), in the reader's language.
 */
export function referralErrors(
  t: Translate,
  r: ReferralTranslate,
  error: unknown,
  idOf: (field: string) => string | null,
): FormErrors {
  if (!(error instanceof ApiError)) return errorsFrom(t, error);
  if (error.code === 'conflict' && /address/.test(error.message)) {
    const slug = idOf('slug');
    if (slug) return { fields: { [slug]: r('edit.messages.slugTaken') }, general: [] };
  }
  if (error.code === 'payload_too_large') {
    const image = idOf('dataBase64');
    if (image) return { fields: { [image]: r('edit.imageErrors.tooLarge') }, general: [] };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of error.details) {
    const id = idOf(issue.field);
    const message = referralMessage(t, r, issue);
    if (id && !fields[id]) fields[id] = message;
    else if (!id) general.push(message);
  }
  if (Object.keys(fields).length === 0 && general.length === 0) return errorsFrom(t, error);
  return { fields, general };
}
