import type { ReactNode } from 'react';
import {
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
  Field,
  FieldDescription,
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
} from '../ui/ds-server.js';

/**
 * The pieces every public form is built of (the tip form, «Ny i kommunen?», «Start Her», event
 * registration): they work without JavaScript, and each input is described by its hint and its
 * error, so a screen reader reads both with it. Texts come from the page; these only lay out.
 */
export interface FormFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
}

/** ids an input is described by: its hint and its error. */
export function describedBy(p: Pick<FormFieldProps, 'id' | 'hint' | 'error'>): string | undefined {
  const ids = [p.hint ? `${p.id}-hint` : null, p.error ? `${p.id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The field's hint and error message, with the ids `describedBy` points at. */
export function FieldHelp({ id, hint, error }: Pick<FormFieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint ? <FieldDescription id={`${id}-hint`}>{hint}</FieldDescription> : null}
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </>
  );
}

const inputState = (p: FormFieldProps) => ({
  id: p.id,
  name: p.name,
  'aria-invalid': p.error ? true : undefined,
  'aria-describedby': describedBy(p),
});

export function TextInputField(
  props: FormFieldProps & {
    defaultValue: string;
    type?: 'text' | 'email' | 'tel' | 'date' | 'number';
    autoComplete?: string;
    inputMode?: 'numeric';
    /** A textarea of this many rows instead of a one-line input. */
    rows?: number;
    min?: number;
    max?: number;
  },
) {
  const common = { ...inputState(props), defaultValue: props.defaultValue };
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      <FieldHelp {...props} />
      {props.rows ? (
        <Textarea {...common} rows={props.rows} />
      ) : (
        <Input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          min={props.min}
          max={props.max}
        />
      )}
    </Field>
  );
}

/** A select; `options` are [value, label] pairs, the empty choice included where there is one. */
export function SelectField(
  props: FormFieldProps & { defaultValue: string; options: Array<[string, string]> },
) {
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      <FieldHelp {...props} />
      <Select {...inputState(props)} defaultValue={props.defaultValue}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A checkbox sending `yes` when ticked, its label after it. */
export function CheckboxField(props: FormFieldProps & { checked: boolean }) {
  return (
    <Field>
      <Input type="checkbox" {...inputState(props)} value="yes" defaultChecked={props.checked} />
      <Label htmlFor={props.id}>{props.label}</Label>
      <FieldHelp {...props} />
    </Field>
  );
}

/** The errors on top of a form, each linking to its field; nothing when there are none. */
export function FormErrorSummary<F extends string>(props: {
  heading: string;
  errors: ReadonlyArray<{ field: F; message: string }>;
  idOf: (field: F) => string;
}) {
  if (props.errors.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummaryHeading>{props.heading}</ErrorSummaryHeading>
      <ErrorSummaryList>
        {props.errors.map((e) => (
          <ErrorSummaryItem key={e.field}>
            <ErrorSummaryLink href={`#${props.idOf(e.field)}`}>{e.message}</ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
  );
}

/**
 * When the form was shown and its one-time key (a repeated submit is recorded once), and a trap
 * for robots: hidden from people and screen readers, so only a robot fills it.
 */
export function FormGuards(props: {
  started: string;
  formKey: string;
  trapId: string;
  trapLabel: string;
}) {
  return (
    <>
      <input type="hidden" name="started" value={props.started} />
      <input type="hidden" name="key" value={props.formKey} />
      <div hidden>
        <label htmlFor={props.trapId}>{props.trapLabel}</label>
        <input id={props.trapId} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </>
  );
}
