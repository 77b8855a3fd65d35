import * as real from '@digdir/designsystemet-react';
import { type ComponentType, createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as shim from './ds-server.js';

// Every prop combination below is taken from src/web/site (pages, layout, referral forms).

type Lib = typeof shim;
type Case = [name: string, build: (ds: Lib) => ReactNode];

const html = (build: (ds: Lib) => ReactNode, ds: Lib) => renderToStaticMarkup(build(ds));
// The real package's types differ from ours in details (refs, asChild); the markup is what counts.
const realLib = real as unknown as Lib;
const el = <P extends object>(
  c: ComponentType<P>,
  props: (P & { key?: string }) | null,
  ...children: ReactNode[]
) => h(c as ComponentType<object>, props, ...children);

const cases: Case[] = [
  ['Paragraph plain', (ds) => el(ds.Paragraph, null, 'Text')],
  ['Paragraph lg', (ds) => el(ds.Paragraph, { 'data-size': 'lg' }, 'Lead')],
  [
    'Paragraph sm with className',
    (ds) => el(ds.Paragraph, { 'data-size': 'sm', className: 'fh-card__meta' }, 'Meta'),
  ],
  [
    'Paragraph with link and elements',
    (ds) =>
      el(
        ds.Paragraph,
        { className: 'fh-history__code' },
        h('strong', null, '0301'),
        ' ',
        'Oslo',
        h('a', { className: 'ds-link', href: '/x' }, 'x'),
      ),
  ],
  ['Heading default level', (ds) => el(ds.Heading, null, 'Title')],
  [
    'Heading h1 xl with id',
    (ds) => el(ds.Heading, { level: 1, 'data-size': 'xl', id: 'fh-title' }, 'Region'),
  ],
  ['Heading h2 sm', (ds) => el(ds.Heading, { level: 2, 'data-size': 'sm' }, 'Section')],
  [
    'Heading h3 xs with link',
    (ds) =>
      el(
        ds.Heading,
        { level: 3, 'data-size': 'xs' },
        h('a', { className: 'fh-card__link', href: '/kommune/oslo' }, 'Oslo'),
      ),
  ],
  ['Alert default colour', (ds) => el(ds.Alert, null, 'Info')],
  ['Alert warning', (ds) => el(ds.Alert, { 'data-color': 'warning' }, 'Too many')],
  [
    'Alert info sm with className',
    (ds) =>
      el(ds.Alert, { 'data-color': 'info', 'data-size': 'sm', className: 'fh-demo' }, 'Demo data'),
  ],
  [
    'ValidationMessage with id',
    (ds) => el(ds.ValidationMessage, { id: 'opt-out-code-error' }, 'Wrong code'),
  ],
  ['Label htmlFor', (ds) => el(ds.Label, { htmlFor: 'opt-out-code' }, 'Code')],
  [
    'Label with fragment children',
    (ds) => el(ds.Label, { htmlFor: 'tip-name' }, h('span', null, 'Name'), ' (required)'),
  ],
  [
    'FieldDescription with id',
    (ds) => el(ds.FieldDescription, { id: 'opt-out-code-hint' }, 'On the card'),
  ],
  [
    'Input text, valid',
    (ds) =>
      el(ds.Input, {
        id: 'opt-out-code',
        name: 'code',
        type: 'text',
        autoComplete: 'off',
        defaultValue: 'AB12',
        'aria-invalid': undefined,
        'aria-describedby': 'opt-out-code-hint',
      }),
  ],
  [
    'Input tel, invalid',
    (ds) =>
      el(ds.Input, {
        id: 'opt-out-phone',
        name: 'phone',
        type: 'tel',
        autoComplete: 'tel',
        defaultValue: '',
        'aria-invalid': true,
        'aria-describedby': 'opt-out-phone-hint opt-out-phone-error',
      }),
  ],
  ['Input without type', (ds) => el(ds.Input, { id: 'x', name: 'x' })],
  [
    'Input email, no description',
    (ds) =>
      el(ds.Input, {
        id: 'tip-email',
        name: 'tipperEmail',
        defaultValue: undefined,
        'aria-invalid': undefined,
        'aria-describedby': undefined,
        type: 'email',
        autoComplete: 'email',
      }),
  ],
  [
    'Input checkbox, checked',
    (ds) =>
      el(ds.Input, {
        type: 'checkbox',
        id: 'tip-named',
        name: 'tipperMayBeNamed',
        value: 'yes',
        defaultChecked: true,
        'aria-invalid': undefined,
        'aria-describedby': 'tip-named-hint',
      }),
  ],
  [
    'Input checkbox, unchecked and invalid',
    (ds) =>
      el(ds.Input, {
        type: 'checkbox',
        id: 'tip-welcome',
        name: 'welcomeConfirmed',
        value: 'yes',
        defaultChecked: false,
        'aria-invalid': true,
        'aria-describedby': 'tip-welcome-error',
      }),
  ],
  [
    'Textarea',
    (ds) =>
      el(ds.Textarea, {
        id: 'tip-reason',
        name: 'personReason',
        defaultValue: 'Because',
        'aria-invalid': undefined,
        'aria-describedby': undefined,
        rows: 3,
      }),
  ],
  [
    'Textarea invalid, empty',
    (ds) =>
      el(ds.Textarea, {
        id: 'tip-conn',
        name: 'personConnection',
        defaultValue: '',
        'aria-invalid': true,
        'aria-describedby': 'tip-conn-error',
        rows: 3,
      }),
  ],
  [
    'Select with plain options',
    (ds) =>
      el(
        ds.Select,
        {
          id: 'tip-muni',
          name: 'personMunicipality',
          defaultValue: '0301',
          'aria-invalid': undefined,
          'aria-describedby': undefined,
        },
        h('option', { value: '' }, 'Choose'),
        h('option', { key: '0301', value: '0301' }, 'Oslo'),
        h('option', { key: '1103', value: '1103' }, 'Stavanger'),
      ),
  ],
  [
    'Select invalid, nothing chosen',
    (ds) =>
      el(
        ds.Select,
        {
          id: 'tip-muni',
          name: 'personMunicipality',
          defaultValue: '',
          'aria-invalid': true,
          'aria-describedby': 'tip-muni-error',
        },
        h('option', { value: '' }, 'Choose'),
        h('option', { value: '0301' }, 'Oslo'),
      ),
  ],
  ['Button submit', (ds) => el(ds.Button, { type: 'submit' }, 'Send')],
  ['Button default type', (ds) => el(ds.Button, null, 'Click')],
  [
    'Button variant and className',
    (ds) => el(ds.Button, { variant: 'secondary', className: 'x', type: 'submit' }, 'Send'),
  ],
  ['SkipLink', (ds) => el(ds.SkipLink, { href: '#main' }, 'Skip to content')],
  ['Fieldset with legend', (ds) => el(ds.Fieldset, null, el(ds.FieldsetLegend, null, 'You'))],
  [
    'Fieldset.Legend with id and className',
    (ds) =>
      el(
        ds.Fieldset,
        { className: 'f' },
        el(ds.Fieldset.Legend, { id: 'lg', className: 'l' }, 'You'),
        el(ds.FieldsetLegend, { className: 'l', id: 'lg2' }, 'Them'),
      ),
  ],
  ['Field plain', (ds) => el(ds.Field, null, 'x')],
  ['Field with className', (ds) => el(ds.Field, { className: 'fh-f', id: 'f1' }, 'x')],
  [
    'Field: opt-out text field with error',
    (ds) =>
      el(
        ds.Field,
        null,
        el(ds.Label, { htmlFor: 'opt-out-code' }, 'Code'),
        el(ds.FieldDescription, { id: 'opt-out-code-hint' }, 'On the card'),
        el(ds.ValidationMessage, { id: 'opt-out-code-error' }, 'Wrong'),
        el(ds.Input, {
          id: 'opt-out-code',
          name: 'code',
          type: 'text',
          autoComplete: 'off',
          defaultValue: 'AB',
          'aria-invalid': true,
          'aria-describedby': 'opt-out-code-hint opt-out-code-error',
        }),
      ),
  ],
  [
    'Field: checkbox with label after',
    (ds) =>
      el(
        ds.Field,
        null,
        el(ds.Input, {
          type: 'checkbox',
          id: 'tip-named',
          name: 'tipperMayBeNamed',
          value: 'yes',
          defaultChecked: false,
        }),
        el(ds.Label, { htmlFor: 'tip-named' }, 'May be named'),
        el(ds.Field.Description, { id: 'tip-named-hint' }, 'Hint'),
      ),
  ],
  [
    'ErrorSummary with named parts',
    (ds) =>
      el(
        ds.ErrorSummary,
        null,
        el(ds.ErrorSummaryHeading, null, 'Fix these'),
        el(
          ds.ErrorSummaryList,
          null,
          el(
            ds.ErrorSummaryItem,
            { key: 'a' },
            el(ds.ErrorSummaryLink, { href: '#tip-name' }, 'Name missing'),
          ),
          el(
            ds.ErrorSummaryItem,
            { key: 'b' },
            el(ds.ErrorSummaryLink, { href: '#tip-muni' }, 'Municipality missing'),
          ),
        ),
      ),
  ],
  [
    'ErrorSummary with namespaced parts and classNames',
    (ds) =>
      el(
        ds.ErrorSummary,
        { className: 'es', id: 'es' },
        el(ds.ErrorSummary.Heading, { level: 3, 'data-size': 'xs' }, 'Fix'),
        el(
          ds.ErrorSummary.List,
          { className: 'l' },
          el(
            ds.ErrorSummary.Item,
            { className: 'i' },
            el(ds.ErrorSummary.Link, { href: '#x', className: 'k' }, 'X'),
          ),
        ),
      ),
  ],
];

describe('ds-server renders the same HTML as @digdir/designsystemet-react', () => {
  it.each(cases)('%s', (_name, build) => {
    const expected = html(build, realLib);
    expect(html(build, shim)).toBe(expected);
    // A sanity check that the comparison compares something.
    expect(expected).toMatch(/class="ds-|<li|data-field/);
  });

  it('covers every component the site uses, with the real names', () => {
    const names = [
      'Paragraph',
      'Heading',
      'Alert',
      'ValidationMessage',
      'Label',
      'Input',
      'FieldDescription',
      'Field',
      'ErrorSummary',
      'ErrorSummaryList',
      'ErrorSummaryItem',
      'ErrorSummaryLink',
      'ErrorSummaryHeading',
      'Button',
      'Textarea',
      'SkipLink',
      'Select',
      'Fieldset',
      'FieldsetLegend',
    ] as const;
    const shimExports: Record<string, unknown> = { ...shim };
    const realExports: Record<string, unknown> = { ...real };
    for (const n of names) {
      expect(typeof shimExports[n], n).toBe('function');
      expect(n in realExports, n).toBe(true);
    }
  });
});
