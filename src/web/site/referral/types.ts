/** The tip form's fields, by their form names; each input's id is `tip-<name>`. */
export const TIP_TEXT_FIELDS = [
  'tipperName',
  'tipperEmail',
  'tipperPhone',
  'tipperMunicipality',
  'personName',
  'personPhone',
  'personAddressLine',
  'personPostcode',
  'personCity',
  'personLivesNow',
  'personConnection',
  'personHousehold',
  'personReason',
  'personMunicipality',
] as const;
export type TipTextField = (typeof TIP_TEXT_FIELDS)[number];
export type TipFormCheck = 'tipperMayBeNamed' | 'tipperWantsNews' | 'welcomeConfirmed';
export type TipFormField = TipTextField | TipFormCheck;

export type TipFormValues = Record<TipTextField, string> & {
  tipperMayBeNamed: boolean;
  tipperWantsNews: boolean;
  welcomeConfirmed: boolean;
};

export interface TipFormError {
  field: TipFormField;
  /** Already in the visitor's language, naming the field. */
  message: string;
}

export interface TipFormState {
  campaign: { slug: string; title: string; intro: string };
  municipalities: Array<{ code: string; name: string }>;
  values: TipFormValues;
  errors: TipFormError[];
  /** Signed time the form was first shown (minimum fill time). */
  started: string;
  /** Idempotency key: a double submit of this form makes one tip. */
  key: string;
  notice?: 'tooFast' | 'tooMany' | undefined;
}

export const fieldId = (field: TipFormField) => `tip-${field}`;

export interface OptOutState {
  code: string;
  phone: string;
  error?: { field: 'code' | 'phone'; message: string } | undefined;
  notice?: 'tooMany' | undefined;
}
