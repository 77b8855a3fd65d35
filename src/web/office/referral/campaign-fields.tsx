import {
  Button,
  Field,
  Fieldset,
  Input,
  Label,
  Paragraph,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type TextareaHTMLAttributes, useState } from 'react';
import { formatDate, type Locale } from '../../i18n/locales.js';
import { TextField } from '../components/forms.js';
import { useT } from '../i18n.js';
import { useReferralT } from './text.js';

/** The campaign form's values as typed; numbers stay text until they are sent. */
export interface CampaignValues {
  name: string;
  slug: string;
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string;
  callingDays: string[];
  texts: Record<Locale, { title: string; intro: string }>;
  postcardMessage: string;
  postcardLocale: Locale;
  callScript: string;
  targets: { tips: string; calls: string; movedIn: string };
  ownHours: boolean;
  hours: { days: number[]; from: string; to: string };
}

export type SetValues = (change: (v: CampaignValues) => CampaignValues) => void;

interface Part {
  values: CampaignValues;
  set: SetValues;
  errors: Record<string, string>;
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: string;
  description?: string;
  error?: string | undefined;
};

/** A labelled textarea with its description and error, like TextField. */
export function TextAreaField({ id, label, description, error, ...rest }: TextAreaFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Textarea id={id} name={id} rows={4} aria-invalid={error ? true : undefined} {...rest} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** Calling days: a list of dates, each removable, and a date field to add one. */
export function CallingDaysField({ values, set, errors }: Part) {
  const r = useReferralT();
  const { locale } = useT();
  const [day, setDay] = useState('');
  // Noon UTC is the same date in Norway whatever the season.
  const shown = (d: string) =>
    formatDate(locale, new Date(`${d}T12:00:00Z`), { dateStyle: 'full' });
  const add = () => {
    if (!day) return;
    set((v) => ({ ...v, callingDays: [...new Set([...v.callingDays, day])].sort() }));
    setDay('');
  };
  return (
    <Fieldset>
      <Fieldset.Legend>{r('edit.callingDays')}</Fieldset.Legend>
      <Fieldset.Description>{r('edit.callingDaysHint')}</Fieldset.Description>
      {values.callingDays.length === 0 ? (
        <Paragraph data-size="sm">{r('edit.callingDaysNone')}</Paragraph>
      ) : (
        <ul className="office-calling-days">
          {values.callingDays.map((d) => (
            <li key={d}>
              <span>{shown(d)}</span>
              <Button
                data-size="sm"
                variant="tertiary"
                onClick={() =>
                  set((v) => ({ ...v, callingDays: v.callingDays.filter((x) => x !== d) }))
                }
              >
                {r('edit.removeCallingDay', { date: shown(d) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="office-form-row">
        <TextField
          id="c-callingDay-new"
          type="date"
          label={r('edit.callingDayNew')}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={errors['c-callingDay-new']}
        />
        <Button variant="secondary" onClick={add}>
          {r('edit.addCallingDay')}
        </Button>
      </div>
    </Fieldset>
  );
}

const LOCALES: Locale[] = ['nb', 'nn', 'en'];

/** Heading and introduction of the tip form in each language; bokmål is required. */
export function TextsFields({ values, set, errors }: Part) {
  const r = useReferralT();
  const setText = (locale: Locale, key: 'title' | 'intro', text: string) =>
    set((v) => ({ ...v, texts: { ...v.texts, [locale]: { ...v.texts[locale], [key]: text } } }));
  return (
    <Fieldset>
      <Fieldset.Legend>{r('edit.texts')}</Fieldset.Legend>
      <Fieldset.Description>{r('edit.textsHint')}</Fieldset.Description>
      {LOCALES.map((locale) => {
        const language = r(`edit.languages.${locale}`);
        return (
          <div key={locale} className="office-form" lang={locale}>
            <TextField
              id={`c-texts-${locale}-title`}
              label={r('edit.textTitle', { language })}
              required={locale === 'nb'}
              value={values.texts[locale].title}
              onChange={(e) => setText(locale, 'title', e.target.value)}
              error={errors[`c-texts-${locale}-title`]}
            />
            <TextAreaField
              id={`c-texts-${locale}-intro`}
              label={r('edit.textIntro', { language })}
              value={values.texts[locale].intro}
              onChange={(e) => setText(locale, 'intro', e.target.value)}
              error={errors[`c-texts-${locale}-intro`]}
            />
          </div>
        );
      })}
    </Fieldset>
  );
}

const TARGETS = [
  ['tips', 'edit.targetTips'],
  ['calls', 'edit.targetCalls'],
  ['movedIn', 'edit.targetMovedIn'],
] as const;

export function TargetsFields({ values, set, errors }: Part) {
  const r = useReferralT();
  return (
    <Fieldset>
      <Fieldset.Legend>{r('edit.targets')}</Fieldset.Legend>
      <Fieldset.Description>{r('edit.targetsHint')}</Fieldset.Description>
      <div className="office-form-row">
        {TARGETS.map(([key, label]) => (
          <TextField
            key={key}
            id={`c-targets-${key}`}
            label={r(label)}
            inputMode="numeric"
            value={values.targets[key]}
            onChange={(e) =>
              set((v) => ({ ...v, targets: { ...v.targets, [key]: e.target.value } }))
            }
            error={errors[`c-targets-${key}`]}
          />
        ))}
      </div>
    </Fieldset>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The default hours, or the campaign's own: weekdays and a daily window in Norwegian time. */
export function CallingHoursFields({ values, set, errors }: Part) {
  const r = useReferralT();
  const { hours } = values;
  const setHours = (change: Partial<CampaignValues['hours']>) =>
    set((v) => ({ ...v, hours: { ...v.hours, ...change } }));
  return (
    <Fieldset>
      <Fieldset.Legend>{r('edit.hours')}</Fieldset.Legend>
      <Fieldset.Description>{r('edit.hoursDefault')}</Fieldset.Description>
      <Field>
        <Input
          type="checkbox"
          id="c-hours-own"
          checked={values.ownHours}
          onChange={(e) => set((v) => ({ ...v, ownHours: e.target.checked }))}
        />
        <Label htmlFor="c-hours-own" weight="regular">
          {r('edit.hoursOwn')}
        </Label>
      </Field>
      {values.ownHours && (
        <>
          <Fieldset>
            <Fieldset.Legend>{r('edit.hoursDays')}</Fieldset.Legend>
            <div className="office-checkboxes">
              {DAYS.map((d) => (
                <Field key={d}>
                  <Input
                    type="checkbox"
                    id={`c-hours-day-${d}`}
                    checked={hours.days.includes(d)}
                    aria-invalid={d === 1 && errors['c-hours-day-1'] ? true : undefined}
                    onChange={(e) =>
                      setHours({
                        days: e.target.checked
                          ? [...hours.days, d].sort()
                          : hours.days.filter((x) => x !== d),
                      })
                    }
                  />
                  <Label htmlFor={`c-hours-day-${d}`} weight="regular">
                    {r(`edit.weekdays.d${d}`)}
                  </Label>
                </Field>
              ))}
            </div>
            {errors['c-hours-day-1'] && (
              <ValidationMessage>{errors['c-hours-day-1']}</ValidationMessage>
            )}
          </Fieldset>
          <div className="office-form-row">
            <TextField
              id="c-hours-from"
              type="time"
              label={r('edit.hoursFrom')}
              description={r('edit.hoursHint')}
              value={hours.from}
              onChange={(e) => setHours({ from: e.target.value })}
              error={errors['c-hours-from']}
            />
            <TextField
              id="c-hours-to"
              type="time"
              label={r('edit.hoursTo')}
              description={r('edit.hoursHint')}
              value={hours.to}
              onChange={(e) => setHours({ to: e.target.value })}
              error={errors['c-hours-to']}
            />
          </div>
        </>
      )}
    </Fieldset>
  );
}
