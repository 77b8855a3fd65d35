/** The «Start Her» form's fields, by their form names; each input's id is `sh-<name>`. */
export const START_TEXT_FIELDS = [
  'name',
  'email',
  'phone',
  'idea',
  'industry',
  'municipality',
  'stage',
] as const;
export type StartTextField = (typeof START_TEXT_FIELDS)[number];
export type StartField = StartTextField | 'help' | 'consent';

export type StartFormValues = Record<StartTextField, string> & {
  help: string[];
  consent: boolean;
};

export interface StartFormError {
  field: StartField;
  /** Already in the visitor's language, naming the field. */
  message: string;
}

export interface StartFormState {
  municipalities: Array<{ code: string; name: string }>;
  values: StartFormValues;
  errors: StartFormError[];
  /** Signed time the form was first shown (minimum fill time). */
  started: string;
  /** Idempotency key: a double submit of this form makes one inquiry. */
  key: string;
  notice?: 'tooFast' | 'tooMany' | undefined;
}

export const fieldId = (field: StartField) => `sh-${field}`;
