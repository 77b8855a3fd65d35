/** The «Ny i kommunen?» form's fields, by their form names; each input's id is `nc-<name>`. */
export const TEXT_FIELDS = [
  'municipalityCode',
  'adult1Name',
  'adult1BirthYear',
  'adult1Email',
  'adult1Phone',
  'adult2Name',
  'adult2BirthYear',
  'adult2Email',
  'adult2Phone',
  'childrenBirthYears',
  'movedFrom',
  'movingDate',
  'heardVia',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type CheckField = 'consentContact' | 'consentCheckIns';
export type FormField = TextField | CheckField | 'reasons';

/** In the order of the page, so the error summary reads top to bottom. */
export const PAGE_ORDER: readonly FormField[] = [
  'municipalityCode',
  'adult1Name',
  'adult1BirthYear',
  'adult1Email',
  'adult1Phone',
  'adult2Name',
  'adult2BirthYear',
  'adult2Email',
  'adult2Phone',
  'childrenBirthYears',
  'movedFrom',
  'movingDate',
  'reasons',
  'heardVia',
  'consentContact',
  'consentCheckIns',
];

export type FormValues = Record<TextField, string> & {
  reasons: string[];
  consentContact: boolean;
  consentCheckIns: boolean;
};

export interface FormError {
  field: FormField;
  /** Already in the visitor's language. */
  message: string;
}

export interface NewcomerFormState {
  municipalities: Array<{ code: string; name: string }>;
  /** Open campaigns a visitor may have heard of us through. */
  campaigns: Array<{ id: string; name: string }>;
  values: FormValues;
  errors: FormError[];
  /** Signed time the form was shown, bound to the key (a form token). */
  started: string;
  /** A double submit of this form makes one registration. */
  key: string;
  notice?: 'tooFast' | 'tooMany' | undefined;
}

export const fieldId = (field: FormField) => `nc-${field}`;

export interface MovedAwayState {
  code: string;
  date: string;
  error?: string | undefined;
  already?: string | undefined;
}
