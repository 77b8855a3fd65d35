import {
  Button,
  Field,
  Fieldset,
  Input,
  Label,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CallOutcome, Interest } from '../../../contracts/calling.js';
import { useCallingT } from './text.js';

export const INTERESTS: Interest[] = [
  'jobs',
  'housing',
  'kindergarten_school',
  'business',
  'visit',
];

interface Props {
  outcome: CallOutcome;
  busy: boolean;
  onSave(extra: { notes?: string; interests?: Interest[]; callBackAt?: string }): void;
  onBack(): void;
}

/** What an interested or call-back outcome needs before it is saved. */
export function OutcomeDetails({ outcome, busy, onSave, onBack }: Props) {
  const t = useCallingT();
  const [interests, setInterests] = useState<Interest[]>([]);
  const [notes, setNotes] = useState('');
  const [callBackAt, setCallBackAt] = useState('');
  const [missingTime, setMissingTime] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome === 'call_back') {
      const at = callBackAt ? new Date(callBackAt) : null;
      if (!at || Number.isNaN(at.getTime())) {
        setMissingTime(true);
        first.current?.focus();
        return;
      }
      onSave({ callBackAt: at.toISOString(), ...(notes.trim() ? { notes: notes.trim() } : {}) });
      return;
    }
    onSave({ interests, ...(notes.trim() ? { notes: notes.trim() } : {}) });
  }

  return (
    <form className="calling-form" onSubmit={submit} noValidate>
      {outcome === 'interested' ? (
        <Fieldset>
          <Fieldset.Legend>{t('screen.interestsLegend')}</Fieldset.Legend>
          <div className="calling-checkboxes">
            {INTERESTS.map((interest, i) => (
              <Field key={interest}>
                <Input
                  type="checkbox"
                  id={`interest-${interest}`}
                  ref={i === 0 ? first : undefined}
                  checked={interests.includes(interest)}
                  onChange={(e) =>
                    setInterests((list) =>
                      e.target.checked ? [...list, interest] : list.filter((x) => x !== interest),
                    )
                  }
                />
                <Label htmlFor={`interest-${interest}`} weight="regular">
                  {t(`interests.${interest}`)}
                </Label>
              </Field>
            ))}
          </div>
        </Fieldset>
      ) : (
        <Field>
          <Label htmlFor="call-back-at">{t('screen.callBackAt')}</Label>
          <Input
            type="datetime-local"
            id="call-back-at"
            ref={first}
            value={callBackAt}
            required
            aria-invalid={missingTime || undefined}
            onChange={(e) => {
              setCallBackAt(e.target.value);
              setMissingTime(false);
            }}
          />
          {missingTime && <ValidationMessage>{t('screen.callBackAt')}</ValidationMessage>}
        </Field>
      )}
      <Field>
        <Label htmlFor="call-notes">{t('screen.notes')}</Label>
        <Field.Description>{t('screen.notesHelp')}</Field.Description>
        <Textarea
          id="call-notes"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      <div className="calling-form-actions">
        <Button type="submit" id="outcome-save" data-size="lg" loading={busy} disabled={busy}>
          {busy ? t('screen.saving') : `${t('screen.save')}: ${t(`outcomes.${outcome}`)}`}
        </Button>
        <Button type="button" variant="secondary" data-size="lg" disabled={busy} onClick={onBack}>
          {t('screen.back')}
        </Button>
      </div>
    </form>
  );
}
