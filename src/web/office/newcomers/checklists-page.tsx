import './newcomers.css';
import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ChecklistInput } from '../../../contracts/newcomers.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { type Checklist, type ChecklistList, newcomersApi } from './api.js';
import { type NewcomersTranslate, useNewcomersT } from './text.js';

/** «Velkomstlister»: one per municipality; the programme leader edits, hosts read. */
export function ChecklistsScreen() {
  const n = useNewcomersT();
  const user = useUser();
  const [data, setData] = useState<ChecklistList | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    newcomersApi
      .checklists()
      .then(setData)
      .catch(() => setFailed(true));
  };
  useEffect(load, []);
  const editable = user.role === 'admin' || user.role === 'programme_leader';
  return (
    <Page title={n('checklists.title')} intro={n('checklists.intro')}>
      <Paragraph>
        <Link className="ds-link" to="/newcomers">
          {n('office.back')}
        </Link>
      </Paragraph>
      {!editable && <Paragraph>{n('checklists.readOnly')}</Paragraph>}
      {failed && <LoadFailed onRetry={load} />}
      {!failed && !data && <Loading />}
      {data?.checklists.map((c) => (
        <ChecklistEditor
          key={c.municipalityCode}
          n={n}
          checklist={c}
          data={data}
          editable={editable}
        />
      ))}
    </Page>
  );
}

type Item = ChecklistInput['items'][number] & { key: string };

function ChecklistEditor(props: {
  n: NewcomersTranslate;
  checklist: Checklist;
  data: ChecklistList;
  editable: boolean;
}) {
  const { n, checklist, data, editable } = props;
  const { t } = useT();
  const code = checklist.municipalityCode;
  const [items, setItems] = useState<Item[]>(
    checklist.items.map((i) => ({
      key: i.id,
      id: i.id,
      title: i.title,
      dueOffsetDays: i.dueOffsetDays,
      responsibleUserId: i.responsible?.id ?? null,
    })),
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState('');
  const hosts = data.hosts.filter((h) => h.municipalityCodes.includes(code));
  const fieldIds: Record<string, string> = {};
  items.forEach((_, i) => {
    fieldIds[`items.${i}.title`] = `cl-${code}-${i}-title`;
    fieldIds[`items.${i}.dueOffsetDays`] = `cl-${code}-${i}-offset`;
    fieldIds[`items.${i}.responsibleUserId`] = `cl-${code}-${i}-who`;
  });
  const change = (i: number, c: Partial<Item>) =>
    setItems((all) => all.map((x, j) => (j === i ? { ...x, ...c } : x)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    try {
      const result = await newcomersApi.saveChecklist(code, {
        items: items.map(({ key: _key, ...item }) => item),
      });
      setItems(
        result.items.map((i) => ({
          key: i.id,
          id: i.id,
          title: i.title,
          dueOffsetDays: i.dueOffsetDays,
          responsibleUserId: i.responsible?.id ?? null,
        })),
      );
      setErrors(noErrors);
      setSaved(n('checklists.saved', { municipality: checklist.municipalityName }));
    } catch (error) {
      setErrors(errorsFrom(t, error, fieldIds));
      setAttempt((a) => a + 1);
    }
  };

  return (
    <section aria-labelledby={`cl-${code}`} className="office-section">
      <Heading level={2} data-size="sm" id={`cl-${code}`}>
        {checklist.municipalityName}
      </Heading>
      <form onSubmit={(e) => void submit(e)} className="newcomers-form" noValidate>
        <FormErrorSummary t={t} errors={errors} attempt={attempt} />
        {items.map((item, i) => (
          <Fieldset key={item.key} disabled={!editable}>
            <Fieldset.Legend>{n('checklists.item', { n: i + 1 })}</Fieldset.Legend>
            <TextField
              id={`cl-${code}-${i}-title`}
              label={n('checklists.itemTitle')}
              value={item.title}
              error={errors.fields[`cl-${code}-${i}-title`]}
              onChange={(e) => change(i, { title: e.target.value })}
            />
            <TextField
              id={`cl-${code}-${i}-offset`}
              label={n('checklists.offset')}
              inputMode="numeric"
              value={String(item.dueOffsetDays)}
              error={errors.fields[`cl-${code}-${i}-offset`]}
              onChange={(e) => change(i, { dueOffsetDays: Number(e.target.value) })}
            />
            <SelectField
              id={`cl-${code}-${i}-who`}
              label={n('checklists.responsible')}
              value={item.responsibleUserId ?? ''}
              error={errors.fields[`cl-${code}-${i}-who`]}
              onChange={(e) => change(i, { responsibleUserId: e.target.value || null })}
              options={[
                { value: '', label: n('checklists.nobody') },
                ...hosts.map((h) => ({ value: h.id, label: h.name })),
              ]}
            />
            {editable && (
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
              >
                {n('checklists.remove', { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        {editable && (
          <div className="newcomers-row">
            <Button
              variant="secondary"
              onClick={() =>
                setItems((all) => [
                  ...all,
                  {
                    key: crypto.randomUUID(),
                    title: '',
                    dueOffsetDays: 7,
                    responsibleUserId: null,
                  },
                ])
              }
            >
              {n('checklists.add')}
            </Button>
            <Button type="submit">
              {n('checklists.save', { municipality: checklist.municipalityName })}
            </Button>
          </div>
        )}
        <div role="status">{saved && <Alert data-color="success">{saved}</Alert>}</div>
      </form>
    </section>
  );
}
