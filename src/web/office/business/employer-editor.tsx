import { Button, Field, Label, Textarea } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { OUTREACH_STATUSES, type OutreachStatus } from '../../../contracts/business.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { businessApi, type Employer } from './api.js';
import { useBusinessT } from './text.js';

const FIELD_IDS = {
  status: 'outreach-status',
  contactName: 'outreach-contact-name',
  contactEmail: 'outreach-contact-email',
  contactPhone: 'outreach-contact-phone',
  notes: 'outreach-notes',
};

/** One employer's outreach: status (undoable), contact person and notes. */
export function EmployerEditor({
  employer,
  onChanged,
}: {
  employer: Employer;
  onChanged: (e: Employer, text: string) => Promise<void>;
}) {
  const b = useBusinessT();
  const { t } = useT();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);

  const run = async (work: () => Promise<Employer>, text: string) => {
    try {
      const saved = await work();
      setErrors(noErrors);
      await onChanged(saved, text);
    } catch (error) {
      setErrors(errorsFrom(t, error, FIELD_IDS));
      setAttempt((n) => n + 1);
    }
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const get = (k: string) => String(data.get(k) ?? '');
    void run(
      () =>
        businessApi.outreach(employer.id, {
          status: get(FIELD_IDS.status) as OutreachStatus,
          contactName: get(FIELD_IDS.contactName),
          contactEmail: get(FIELD_IDS.contactEmail),
          contactPhone: get(FIELD_IDS.contactPhone),
          notes: get(FIELD_IDS.notes),
        }),
      b('office.saved'),
    );
  };
  const labels = {
    [FIELD_IDS.status]: b('office.status'),
    [FIELD_IDS.contactName]: b('office.contactName'),
    [FIELD_IDS.contactEmail]: b('office.contactEmail'),
    [FIELD_IDS.contactPhone]: b('office.contactPhone'),
    [FIELD_IDS.notes]: b('office.notes'),
  };
  return (
    <form onSubmit={save} noValidate className="business-form">
      <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
      <SelectField
        id={FIELD_IDS.status}
        label={b('office.status')}
        defaultValue={employer.outreachStatus}
        options={OUTREACH_STATUSES.map((s) => ({ value: s, label: b(`office.statuses.${s}`) }))}
        error={errors.fields[FIELD_IDS.status]}
      />
      <TextField
        id={FIELD_IDS.contactName}
        label={b('office.contactName')}
        defaultValue={employer.contactName ?? ''}
        autoComplete="off"
        error={errors.fields[FIELD_IDS.contactName]}
      />
      <TextField
        id={FIELD_IDS.contactEmail}
        type="email"
        label={b('office.contactEmail')}
        defaultValue={employer.contactEmail ?? ''}
        autoComplete="off"
        error={errors.fields[FIELD_IDS.contactEmail]}
      />
      <TextField
        id={FIELD_IDS.contactPhone}
        type="tel"
        label={b('office.contactPhone')}
        defaultValue={employer.contactPhone ?? ''}
        autoComplete="off"
        error={errors.fields[FIELD_IDS.contactPhone]}
      />
      <Field>
        <Label htmlFor={FIELD_IDS.notes}>{b('office.notes')}</Label>
        <Textarea
          id={FIELD_IDS.notes}
          name={FIELD_IDS.notes}
          rows={3}
          defaultValue={employer.outreachNotes ?? ''}
        />
      </Field>
      <div className="business-actions">
        <Button type="submit">{b('office.save')}</Button>
        {employer.canUndo && (
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              void run(() => businessApi.undoOutreach(employer.id), b('office.undone'))
            }
          >
            {b('office.undo')}
          </Button>
        )}
      </div>
    </form>
  );
}
