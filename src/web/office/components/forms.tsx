import {
  ErrorSummary,
  Field,
  Input,
  type InputProps,
  Label,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  type ComponentRef,
  type MouseEvent,
  type SelectHTMLAttributes,
  useEffect,
  useRef,
} from 'react';
import { ApiError } from '../api.js';
import type { OfficeKey, Translate } from '../i18n.js';

/** What went wrong with a form: one message per field (by input id), and general ones. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const noErrors: FormErrors = { fields: {}, general: [] };

export const hasErrors = (e: FormErrors): boolean =>
  e.general.length > 0 || Object.keys(e.fields).length > 0;

/** The API's (English) field messages we know, in the reader's language. */
const knownFieldMessages: Record<string, OfficeKey> = {
  Required: 'fieldErrors.required',
  'Must be an email address': 'common:field.email',
  'At least 12 characters': 'fieldErrors.passwordLength',
  'At most 200 characters': 'common:field.tooLong',
  'Six digits': 'fieldErrors.sixDigits',
  'The code is not right or has expired': 'signIn.codeFailed',
  'This password is too common; choose another': 'fieldErrors.passwordCommon',
  'The password must not contain your email address': 'fieldErrors.passwordEmail',
  'Too few different characters': 'fieldErrors.passwordVariety',
  'Choose at least one municipality': 'users.municipalitiesRequired',
  'A caller calls for one municipality': 'fieldErrors.callerOneMunicipality',
  'A user with this email already exists.': 'fieldErrors.emailTaken',
  'Not a valid link': 'reset.invalidLink',
};

export function fieldMessage(t: Translate, message: string): string {
  const key = knownFieldMessages[message];
  return key ? t(key) : message;
}

/**
 * Turns a failed request into form errors. `fieldIds` maps the API's field names to input ids;
 * `byCode` gives a screen's own wording for an error code (e.g. wrong password).
 */
export function errorsFrom(
  t: Translate,
  error: unknown,
  fieldIds: Record<string, string> = {},
  byCode: Partial<Record<string, OfficeKey>> = {},
): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: [t('errors.generic')] };
  const own = byCode[error.code];
  if (own) return { fields: {}, general: [t(own)] };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of error.details) {
    const id = fieldIds[issue.field];
    if (id && !fields[id]) fields[id] = fieldMessage(t, issue.message);
    else if (!id) general.push(fieldMessage(t, issue.message));
  }
  if (Object.keys(fields).length === 0 && general.length === 0) {
    general.push(t(generalKey(error)));
  }
  return { fields, general };
}

function generalKey(error: ApiError): OfficeKey {
  switch (error.code) {
    case 'network':
      return 'errors.network';
    case 'rate_limited':
      return 'common:error.tooMany';
    case 'validation':
      return 'common:error.validation';
    case 'forbidden':
      return 'errors.forbidden';
    case 'not_found':
      return 'errors.notFound';
    case 'conflict':
      return 'errors.conflict';
    case 'unauthenticated':
      return 'errors.sessionExpired';
    case 'stale_session':
      return 'errors.staleSession';
    default:
      return 'errors.generic';
  }
}

interface SummaryProps {
  t: Translate;
  errors: FormErrors;
  /** Changes on every failed attempt, so the summary takes focus again. */
  attempt: number;
  /** Labels of the fields, to name them in the summary. */
  labels?: Record<string, string>;
}

/** The error summary above a form; it takes focus so a screen reader reads it at once. */
export function FormErrorSummary({ t, errors, attempt, labels = {} }: SummaryProps) {
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every attempt
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  if (!hasErrors(errors)) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
  const firstField = Object.keys(labels)[0];
  return (
    <ErrorSummary ref={ref} key={attempt} className="office-error-summary">
      <ErrorSummary.Heading>{t('errors.summaryTitle')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.general.map((message) => (
          <ErrorSummary.Item key={message}>
            {firstField ? (
              <ErrorSummary.Link href={`#${firstField}`} onClick={(e) => focusField(e, firstField)}>
                {message}
              </ErrorSummary.Link>
            ) : (
              message
            )}
          </ErrorSummary.Item>
        ))}
        {Object.entries(errors.fields).map(([id, message]) => (
          <ErrorSummary.Item key={id}>
            <ErrorSummary.Link href={`#${id}`} onClick={(e) => focusField(e, id)}>
              {labels[id] ? `${labels[id]}: ${message}` : message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

type TextFieldProps = Omit<InputProps, 'id'> & {
  id: string;
  label: string;
  description?: string;
  error?: string | undefined;
};

/** Label, optional description, input and its error; the label is tied to the input by id. */
export function TextField({ id, label, description, error, ...input }: TextFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Input id={id} name={id} aria-invalid={error ? true : undefined} {...input} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  error?: string | undefined;
}

export function SelectField({ id, label, options, error, ...select }: SelectFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={id} aria-invalid={error ? true : undefined} {...select}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** Client-side checks, in the reader's language, before a request is sent. */
export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
