import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { type CheckInSettings, surveysApi } from './api.js';
import { useSurveysT } from './text.js';

/** The months after moving in when newcomers get a check-in (programme leaders). */
export function CheckInSettingsSection({ region }: { region?: string | undefined }) {
  const s = useSurveysT();
  const [settings, setSettings] = useState<CheckInSettings | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void surveysApi.checkIns(region).then(
      (r) => {
        setSettings(r);
        setValue(r.months.join(', '));
      },
      () => setSettings(null),
    );
  }, [region]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parts = value.split(/[,\s]+/).filter(Boolean);
    const months = parts.map(Number);
    if (parts.length === 0 || months.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) {
      setError(true);
      return;
    }
    try {
      const next = await surveysApi.saveCheckIns(months, region);
      setSettings(next);
      setValue(next.months.join(', '));
      setError(false);
      setSaved(true);
    } catch {
      setError(true);
    }
  };

  if (!settings) return null;
  return (
    <section className="office-section" aria-labelledby="check-ins-title">
      <Heading level={2} data-size="xs" id="check-ins-title">
        {s('office.settingsTitle')}
      </Heading>
      <Paragraph>{s('office.settingsIntro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field>
          <Label htmlFor="check-in-months">{s('office.months')}</Label>
          <Field.Description id="check-in-months-hint">
            {s('office.monthsHint')} {s('office.defaultNote')}
          </Field.Description>
          {error && (
            <ValidationMessage id="check-in-months-error">
              {s('office.invalidMonths')}
            </ValidationMessage>
          )}
          <Input
            id="check-in-months"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error || undefined}
            aria-describedby={
              error ? 'check-in-months-hint check-in-months-error' : 'check-in-months-hint'
            }
            size={12}
          />
        </Field>
        <div className="office-actions">
          <Button type="submit">{s('office.save')}</Button>
        </div>
        <div role="status">{saved && <Alert data-color="success">{s('office.saved')}</Alert>}</div>
      </form>
    </section>
  );
}
