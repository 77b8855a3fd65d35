import { Button, Field, Heading, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { PIPELINE_STAGES, type PipelineStage } from '../../../contracts/business.js';
import {
  errorsFrom,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { useT } from '../i18n.js';
import { businessApi, type Inquiry, type InquiryList } from './api.js';
import { useBusinessT } from './text.js';

interface Props {
  inquiry: Inquiry;
  list: InquiryList;
  onChanged: (text: string) => Promise<void>;
}

/** One inquiry: what the entrepreneur wrote, its stage, advisor, notes and tasks. */
export function InquiryCard({ inquiry, list, onChanged }: Props) {
  const b = useBusinessT();
  const { t, tag } = useT();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const base = `inq-${inquiry.id}`;
  const title = inquiry.name ?? b('office.erased');

  const run = async (work: () => Promise<unknown>, fields: Record<string, string> = {}) => {
    try {
      await work();
      setErrors(noErrors);
      await onChanged(b('office.saved'));
    } catch (error) {
      setErrors(errorsFrom(t, error, fields));
    }
  };
  const form = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return new FormData(event.currentTarget);
  };
  const move = (event: FormEvent<HTMLFormElement>) => {
    const stage = String(form(event).get('stage')) as PipelineStage;
    void run(() => businessApi.stage(inquiry.id, stage));
  };
  const advise = (event: FormEvent<HTMLFormElement>) => {
    const data = form(event);
    const org = String(data.get('advisorOrg') ?? '');
    const user = String(data.get('advisorUserId') ?? '');
    void run(
      () =>
        businessApi.updateInquiry(inquiry.id, {
          advisorOrg: org || null,
          advisorUserId: user || null,
          notes: String(data.get('notes') ?? ''),
        }),
      { advisorOrg: `${base}-org`, advisorUserId: `${base}-user`, notes: `${base}-notes` },
    );
  };
  const addTask = (event: FormEvent<HTMLFormElement>) => {
    const data = form(event);
    void run(
      () =>
        businessApi.addTask(inquiry.id, {
          title: String(data.get('title') ?? ''),
          dueOn: String(data.get('dueOn') ?? ''),
        }),
      { title: `${base}-task-title`, dueOn: `${base}-task-due` },
    );
  };
  const date = (iso: string) =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <li className="business-card">
      <Heading level={3} data-size="2xs">
        {title}
      </Heading>
      <ul className="business-facts">
        <li>
          {inquiry.municipalityName} · {b(`sections.${inquiry.industry as 'A'}`)} ·{' '}
          {b(`form.stages.${inquiry.stage}`)}
        </li>
        {inquiry.email && (
          <li>
            <a className="ds-link" href={`mailto:${inquiry.email}`}>
              {inquiry.email}
            </a>
            {inquiry.phone && (
              <>
                {' · '}
                <a className="ds-link" href={`tel:${inquiry.phone}`}>
                  {inquiry.phone}
                </a>
              </>
            )}
          </li>
        )}
        {inquiry.idea && (
          <li>
            {b('office.idea')}: {inquiry.idea}
          </li>
        )}
        {inquiry.helpNeeded.length > 0 && (
          <li>
            {b('office.help')}: {inquiry.helpNeeded.map((h) => b(`form.help.${h}`)).join(', ')}
          </li>
        )}
        <li>{b('office.received', { date: date(inquiry.createdAt) })}</li>
      </ul>
      {errors.general.length > 0 && (
        <Paragraph data-size="sm">{errors.general.join(' ')}</Paragraph>
      )}
      <form
        onSubmit={move}
        className="business-actions"
        aria-label={`${b('office.moveTo')}: ${title}`}
      >
        <SelectField
          id={`${base}-stage`}
          name="stage"
          label={b('office.moveTo')}
          defaultValue={inquiry.pipelineStage}
          options={PIPELINE_STAGES.map((s) => ({ value: s, label: b(`office.stages.${s}`) }))}
        />
        <Button type="submit" variant="secondary" data-size="sm">
          {b('office.save')}
        </Button>
        {inquiry.canUndo && (
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() => void run(() => businessApi.undoStage(inquiry.id))}
          >
            {b('office.undo')}
          </Button>
        )}
      </form>
      <details>
        <summary>{`${b('office.advisorOrg')}, ${b('office.notes').toLowerCase()}: ${title}`}</summary>
        <form onSubmit={advise} noValidate className="business-form">
          <SelectField
            id={`${base}-org`}
            name="advisorOrg"
            label={b('office.advisorOrg')}
            defaultValue={inquiry.advisorOrg ?? ''}
            error={errors.fields[`${base}-org`]}
            options={[
              { value: '', label: b('office.noAdvisor') },
              { value: 'business_forum', label: b('office.businessForum') },
              ...list.municipalities.map((m) => ({
                value: `municipality:${m.code}`,
                label: b('office.municipalityAdvisor', { name: m.name }),
              })),
            ]}
          />
          <SelectField
            id={`${base}-user`}
            name="advisorUserId"
            label={b('office.advisorUser')}
            defaultValue={inquiry.advisorUser?.id ?? ''}
            error={errors.fields[`${base}-user`]}
            options={[
              { value: '', label: b('office.noUser') },
              ...list.advisors.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <Field>
            <Label htmlFor={`${base}-notes`}>{b('office.notes')}</Label>
            <Textarea
              id={`${base}-notes`}
              name="notes"
              rows={3}
              defaultValue={inquiry.notes ?? ''}
            />
          </Field>
          <div className="business-actions">
            <Button type="submit" variant="secondary" data-size="sm">
              {b('office.save')}
            </Button>
          </div>
        </form>
      </details>
      <Heading level={4} data-size="2xs">
        {b('office.tasks')}
      </Heading>
      {inquiry.tasks.length === 0 ? (
        <Paragraph data-size="sm">{b('office.noTasks')}</Paragraph>
      ) : (
        <ul className="business-facts">
          {inquiry.tasks.map((task) => (
            <li key={task.id}>
              {task.title} – {b('office.dueOn')} {date(task.dueOn)}
              {task.overdue ? ` (${b('office.overdue')})` : ''}{' '}
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={`${task.status === 'open' ? b('office.done') : b('office.reopen')}: ${task.title}`}
                onClick={() =>
                  void run(() =>
                    businessApi.setTask(task.id, task.status === 'open' ? 'done' : 'open'),
                  )
                }
              >
                {task.status === 'open' ? b('office.done') : b('office.reopen')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addTask} noValidate className="business-form">
        <TextField
          id={`${base}-task-title`}
          name="title"
          label={b('office.taskTitle')}
          error={errors.fields[`${base}-task-title`]}
        />
        <TextField
          id={`${base}-task-due`}
          name="dueOn"
          type="date"
          label={b('office.dueOn')}
          error={errors.fields[`${base}-task-due`]}
        />
        <div className="business-actions">
          <Button type="submit" variant="secondary" data-size="sm">
            {b('office.addTask')}
          </Button>
        </div>
      </form>
    </li>
  );
}
