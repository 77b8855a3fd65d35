/**
 * Server-rendering equivalents of the Designsystemet React components the public site uses.
 *
 * Importing `@digdir/designsystemet-react` pulls its whole index into the server process
 * (client-side dependencies included, ~32 MB RSS), and its `exports` forbid deep imports.
 * These components render the SAME static HTML as @digdir/designsystemet-react 1.x does with
 * `renderToStaticMarkup` for the props our pages pass: same elements, class names, data
 * attributes, attribute order and defaults (e.g. `Alert` is `data-color="info"` unless told,
 * `Heading` is an `h2` unless told, `Button` is `type="button"` unless told). Only the
 * server-side markup is reproduced: no refs, no `asChild`, no client behaviour. `Field` does
 * not tie labels to inputs (neither does the real one without its client script): pass
 * explicit `id`s and `htmlFor`. `ds-server.test.ts` compares each against the real component.
 */
import {
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  createElement,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type LiHTMLAttributes,
  type MouseEvent,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** As Designsystemet's `DefaultProps`. */
type DefaultProps = {
  'data-size'?: '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl' | (string & {});
  'data-color'?: string;
};

/** As `clsx/lite` for strings: the truthy class names joined by a space. */
function cl(...names: (string | undefined | null | false)[]): string {
  return names.filter(Boolean).join(' ');
}

export type ParagraphProps = {
  'data-size'?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
  variant?: 'long' | 'default' | 'short';
} & HTMLAttributes<HTMLParagraphElement>;

export function Paragraph({ className, variant, ...rest }: ParagraphProps) {
  return <p className={cl('ds-paragraph', className)} data-variant={variant} {...rest} />;
}

export type HeadingProps = {
  level?: 1 | 2 | 3 | 4 | 5 | 6;
  'data-size'?: '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl' | '2xl';
} & HTMLAttributes<HTMLHeadingElement>;

export function Heading({ level = 2, className, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag className={cl('ds-heading', className)} {...rest} />;
}

export type AlertProps = DefaultProps & HTMLAttributes<HTMLDivElement>;

export function Alert({ 'data-color': color = 'info', className, ...rest }: AlertProps) {
  return <div className={cl('ds-alert', className)} data-color={color} {...rest} />;
}

export type ValidationMessageProps = DefaultProps & HTMLAttributes<HTMLParagraphElement>;

export function ValidationMessage({ className, ...rest }: ValidationMessageProps) {
  return (
    <p
      className={cl('ds-validation-message', className)}
      data-field="validation"
      suppressHydrationWarning
      {...rest}
    />
  );
}

export type LabelProps = {
  weight?: 'regular' | 'medium' | 'semibold';
} & LabelHTMLAttributes<HTMLLabelElement> &
  DefaultProps;

export function Label({ className, weight, ...rest }: LabelProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: as the real Label, the caller passes htmlFor.
    <label
      className={cl('ds-label', className)}
      suppressHydrationWarning
      data-weight={weight}
      {...rest}
    />
  );
}

export type InputProps = DefaultProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix' | 'type'> & {
    type?:
      | 'checkbox'
      | 'color'
      | 'date'
      | 'datetime-local'
      | 'email'
      | 'file'
      | 'hidden'
      | 'month'
      | 'number'
      | 'password'
      | 'radio'
      | 'search'
      | 'tel'
      | 'text'
      | 'time'
      | 'url'
      | 'week';
  };

export function Input({ type = 'text', className, onChange, onClick, ...rest }: InputProps) {
  return (
    <input
      className={cl('ds-input', className)}
      type={type}
      suppressHydrationWarning
      // As the real Input (no markup of their own): a read-only input ignores changes and clicks.
      onChange={(event: ChangeEvent<HTMLInputElement>) => rest.readOnly || onChange?.(event)}
      onClick={(event: MouseEvent<HTMLInputElement>) => {
        if (rest.readOnly) event.preventDefault();
        onClick?.(event);
      }}
      {...rest}
    />
  );
}

export type FieldDescriptionProps = HTMLAttributes<HTMLDivElement>;

export function FieldDescription(props: FieldDescriptionProps) {
  return <div suppressHydrationWarning data-field="description" {...props} />;
}

export type FieldProps = {
  position?: 'start' | 'end';
} & HTMLAttributes<HTMLElement> &
  DefaultProps;

/** The real Field is the `ds-field` custom element, its class given as `class`. */
function FieldBase({ className, position, ...rest }: FieldProps) {
  return createElement('ds-field', {
    class: cl('ds-field', className),
    suppressHydrationWarning: true,
    'data-position': position,
    ...rest,
  });
}

export const Field = Object.assign(FieldBase, { Description: FieldDescription });

export type ErrorSummaryProps = HTMLAttributes<HTMLElement> & DefaultProps;

/** The real ErrorSummary is the `ds-error-summary` custom element, its class given as `class`. */
function ErrorSummaryBase({ className, ...rest }: ErrorSummaryProps) {
  return createElement('ds-error-summary', {
    class: cl('ds-error-summary', className),
    suppressHydrationWarning: true,
    ...rest,
  });
}

export type ErrorSummaryHeadingProps = HeadingProps;

export function ErrorSummaryHeading(props: ErrorSummaryHeadingProps) {
  return <Heading suppressHydrationWarning {...props} />;
}

export type ErrorSummaryListProps = HTMLAttributes<HTMLUListElement>;

/** As Designsystemet's `List.Unordered`. */
export function ErrorSummaryList({ className, ...rest }: ErrorSummaryListProps) {
  return <ul className={cl('ds-list', className)} {...rest} />;
}

export type ErrorSummaryItemProps = LiHTMLAttributes<HTMLLIElement>;

/** As Designsystemet's `List.Item`. */
export function ErrorSummaryItem(props: ErrorSummaryItemProps) {
  return <li {...props} />;
}

export type ErrorSummaryLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & DefaultProps;

/** As Designsystemet's `Link`, neutral unless told. */
export function ErrorSummaryLink({ className, ...rest }: ErrorSummaryLinkProps) {
  return <a className={cl('ds-link', className)} data-color="neutral" {...rest} />;
}

export const ErrorSummary = Object.assign(ErrorSummaryBase, {
  Heading: ErrorSummaryHeading,
  Item: ErrorSummaryItem,
  List: ErrorSummaryList,
  Link: ErrorSummaryLink,
});

export type ButtonProps = DefaultProps &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'command' | 'commandfor' | 'commandFor'> & {
    variant?: 'primary' | 'secondary' | 'tertiary';
    icon?: boolean;
  };

/** The real Button without `loading` (its spinner) and `asChild`, which we do not use. */
export function Button({ className, children, icon = false, variant, ...rest }: ButtonProps) {
  return (
    <button
      suppressHydrationWarning
      className={cl('ds-button', className)}
      data-icon={icon || undefined}
      data-variant={variant}
      type="button"
      {...rest}
    >
      {children}
    </button>
  );
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & DefaultProps;

export function Textarea({ className, ...rest }: TextareaProps) {
  return <textarea className={cl('ds-input', className)} {...rest} />;
}

export type SkipLinkProps = AnchorHTMLAttributes<HTMLAnchorElement>;

export function SkipLink({ children, className, ...rest }: SkipLinkProps) {
  return (
    <a className={cl('ds-skip-link', className)} {...rest}>
      {children}
    </a>
  );
}

export type SelectProps = DefaultProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'multiple' | 'size'> & {
    readOnly?: boolean;
    width?: 'full' | 'auto';
  };

/** A native select; its options are plain `<option>` elements, as the real `Select.Option`. */
export function Select({ className, width, readOnly, ...rest }: SelectProps) {
  return (
    <select
      className={cl('ds-input', className)}
      aria-readonly={rest['aria-readonly'] ?? readOnly}
      suppressHydrationWarning
      data-width={width}
      {...rest}
    />
  );
}

export type FieldsetProps = FieldsetHTMLAttributes<HTMLFieldSetElement>;

export type FieldsetLegendProps = HTMLAttributes<HTMLLegendElement>;

/**
 * As the real one, a `legend` that Label's slot gives the `ds-label` class: merged into the
 * legend's own `className` where that one stands, else added after its other attributes.
 */
export function FieldsetLegend(props: FieldsetLegendProps) {
  return <legend suppressHydrationWarning {...props} className={cl('ds-label', props.className)} />;
}

function FieldsetBase({ className, ...rest }: FieldsetProps) {
  return <fieldset className={cl('ds-fieldset', className)} suppressHydrationWarning {...rest} />;
}

export const Fieldset = Object.assign(FieldsetBase, { Legend: FieldsetLegend });
