import { Button, Field, Heading, Input, Label, Textarea } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type EventInput, type EventView, eventsApi, type Organiser } from './api.js';
import { useEventsT } from './text.js';

const FIELD_IDS: Record<string, string> = {
  'title.nb': 'ev-title-nb',
  'title.nn': 'ev-title-nn',
  'title.en': 'ev-title-en',
  'description.nb': 'ev-desc-nb',
  place: 'ev-place',
  municipalityCode: 'ev-municipality',
  startsAt: 'ev-starts',
  endsAt: 'ev-ends',
  capacity: 'ev-capacity',
  organiserId: 'ev-organiser',
};

interface Props {
  event?: EventView | undefined;
  organisers: Organiser[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Create or change an event; times in Norwegian wall-clock time. */
export function EventForm({ event, organisers, onDone, onCancel }: Props) {
  const { t: officeT } = useT();
  const t = useEventsT();
  const user = useUser();
  const { region } = useWorkspace();
  const heading = useRef<HTMLHeadingElement>(null);
  const municipalities = (region?.municipalities ?? []).filter(
    (m) => user.role !== 'host' || user.municipalityCodes.includes(m.code),
  );
  const [v, setV] = useState({
    titleNb: event?.title.nb ?? '',
    titleNn: event?.title.nn ?? '',
    titleEn: event?.title.en ?? '',
    descNb: event?.description.nb ?? '',
    descNn: event?.description.nn ?? '',
    descEn: event?.description.en ?? '',
    place: event?.place ?? '',
    municipalityCode: event?.municipalityCode ?? municipalities[0]?.code ?? '',
    startsAt: event?.startsAtOslo ?? '',
    endsAt: event?.endsAtOslo ?? '',
    capacity: event?.capacity == null ? '' : String(event.capacity),
    registrationOpen: event?.registrationOpen ?? true,
    status: event?.status ?? 'draft',
    organiserId: event?.organiser.id ?? organisers[0]?.id ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: EventInput = {
      title: { nb: v.titleNb, nn: v.titleNn || undefined, en: v.titleEn || undefined },
      description: { nb: v.descNb, nn: v.descNn || undefined, en: v.descEn || undefined },
      place: v.place,
      municipalityCode: v.municipalityCode,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      capacity: v.capacity.trim() === '' ? null : Number(v.capacity),
      registrationOpen: v.registrationOpen,
      status: v.status as EventInput['status'],
      ...(user.role === 'organiser' ? {} : { organiserId: v.organiserId }),
    };
    setBusy(true);
    try {
      if (event) await eventsApi.update(event.id, input);
      else await eventsApi.create(input);
      onDone(t('office.saved'));
    } catch (error) {
      setErrors(errorsFrom(officeT, error, FIELD_IDS));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    'ev-title-nb': t('office.fields.titleNb'),
    'ev-desc-nb': t('office.fields.descriptionNb'),
    'ev-place': t('office.fields.place'),
    'ev-municipality': t('office.fields.municipality'),
    'ev-starts': t('office.fields.startsAt'),
    'ev-ends': t('office.fields.endsAt'),
    'ev-capacity': t('office.fields.capacity'),
    'ev-organiser': t('office.fields.organiser'),
  };
  const area = (id: string, label: string, key: 'descNb' | 'descNn' | 'descEn', hint?: string) => (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Field.Description>{hint}</Field.Description> : null}
      <Textarea id={id} rows={4} value={v[key]} onChange={set(key)} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate className="office-form">
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1}>
        {event ? t('office.editEvent') : t('office.newEvent')}
      </Heading>
      <FormErrorSummary t={officeT} errors={errors} attempt={attempt} labels={labels} />
      <TextField
        id="ev-title-nb"
        label={t('office.fields.titleNb')}
        value={v.titleNb}
        onChange={set('titleNb')}
        error={errors.fields['ev-title-nb']}
      />
      <TextField
        id="ev-title-nn"
        label={t('office.fields.titleNn')}
        description={t('office.optionalLanguage')}
        value={v.titleNn}
        onChange={set('titleNn')}
      />
      <TextField
        id="ev-title-en"
        label={t('office.fields.titleEn')}
        description={t('office.optionalLanguage')}
        value={v.titleEn}
        onChange={set('titleEn')}
      />
      {area('ev-desc-nb', t('office.fields.descriptionNb'), 'descNb')}
      {area('ev-desc-nn', t('office.fields.descriptionNn'), 'descNn', t('office.optionalLanguage'))}
      {area('ev-desc-en', t('office.fields.descriptionEn'), 'descEn', t('office.optionalLanguage'))}
      <TextField
        id="ev-place"
        label={t('office.fields.place')}
        value={v.place}
        onChange={set('place')}
        error={errors.fields['ev-place']}
      />
      <SelectField
        id="ev-municipality"
        label={t('office.fields.municipality')}
        value={v.municipalityCode}
        onChange={set('municipalityCode')}
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        error={errors.fields['ev-municipality']}
      />
      <TextField
        id="ev-starts"
        type="datetime-local"
        label={t('office.fields.startsAt')}
        description={t('office.timeHint')}
        value={v.startsAt}
        onChange={set('startsAt')}
        error={errors.fields['ev-starts']}
      />
      <TextField
        id="ev-ends"
        type="datetime-local"
        label={t('office.fields.endsAt')}
        description={t('office.timeHint')}
        value={v.endsAt}
        onChange={set('endsAt')}
        error={errors.fields['ev-ends']}
      />
      <TextField
        id="ev-capacity"
        inputMode="numeric"
        label={t('office.fields.capacity')}
        description={t('office.fields.capacityHint')}
        value={v.capacity}
        onChange={set('capacity')}
        error={errors.fields['ev-capacity']}
      />
      {user.role === 'organiser' ? null : (
        <SelectField
          id="ev-organiser"
          label={t('office.fields.organiser')}
          value={v.organiserId}
          onChange={set('organiserId')}
          options={organisers.map((o) => ({ value: o.id, label: o.name }))}
          error={errors.fields['ev-organiser']}
        />
      )}
      <SelectField
        id="ev-status"
        label={t('office.fields.status')}
        value={v.status}
        onChange={set('status')}
        options={[
          { value: 'draft', label: t('office.statuses.draft') },
          { value: 'published', label: t('office.statuses.published') },
        ]}
      />
      <Field>
        <Input
          type="checkbox"
          id="ev-open"
          checked={v.registrationOpen}
          onChange={(e) => setV((old) => ({ ...old, registrationOpen: e.target.checked }))}
        />
        <Label htmlFor="ev-open">{t('office.fields.registrationOpen')}</Label>
      </Field>
      <div className="office-actions">
        <Button type="submit" loading={busy}>
          {t('office.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('office.cancel')}
        </Button>
      </div>
    </form>
  );
}
