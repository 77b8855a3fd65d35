import './goals.css';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { MEDIA_LEVELS, MEDIA_TONES } from '../../../contracts/goals.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  SelectField,
  TextField,
} from '../components/forms.js';
import { ConfirmDialog, LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { goalsApi, type MediaEntry, type MediaEntryInput } from './api.js';
import { useGoalsRegion } from './region.js';
import { type GoalsKey, type GoalsTranslate, useGoalsT } from './text.js';

const FIELDS = ['publishedOn', 'outlet', 'level', 'tone', 'reach', 'url', 'title'] as const;
const fieldId = (f: string) => `media-${f}`;
const SERVER_MESSAGES: Record<string, GoalsKey> = {
  'A date as YYYY-MM-DD': 'programme.dateRequired',
  'Not a date': 'programme.dateRequired',
  'A web address (https://…)': 'media.urlInvalid',
  'A whole number': 'media.reachInvalid',
  'Zero or more': 'media.reachInvalid',
};

/** The media log: mentions of the region by year, and a form to add or change one. */
export function MediaScreen() {
  const g = useGoalsT();
  const { t, tag } = useT();
  const r = useGoalsRegion();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [entries, setEntries] = useState<MediaEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<MediaEntry | null>(null);
  const [deleting, setDeleting] = useState<MediaEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!r.ready) return;
    setFailed(false);
    try {
      setEntries((await goalsApi.media(r.region, year)).entries);
    } catch {
      setFailed(true);
    }
  }, [r.ready, r.region, year]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async () => {
    if (!deleting) return;
    await goalsApi.deleteMedia(r.region, deleting.id);
    setDeleting(null);
    setNotice(g('media.deleted'));
    await load();
  };

  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  return (
    <Page title={g('media.title')} intro={g('media.intro')}>
      <Paragraph>
        <Link className="ds-link" to={r.to('/goals')}>
          {g('media.back')}
        </Link>
      </Paragraph>
      {notice && (
        <Alert data-color="success" role="status" className="office-alert">
          {notice}
        </Alert>
      )}
      <MediaForm
        key={editing?.id ?? 'new'}
        g={g}
        t={t}
        entry={editing}
        onCancel={() => setEditing(null)}
        onSave={async (input) => {
          if (editing) await goalsApi.updateMedia(r.region, editing.id, input);
          else await goalsApi.addMedia(r.region, input);
          setEditing(null);
          setNotice(g('media.saved'));
          setYear(Number(input.publishedOn.slice(0, 4)));
          await load();
        }}
      />
      <section className="office-section" aria-labelledby="media-list">
        <Heading level={2} data-size="xs" id="media-list">
          {g('media.caption', { year })}
        </Heading>
        <SelectField
          id="media-year"
          label={g('media.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        {failed && <LoadFailed onRetry={() => void load()} />}
        {!failed && !entries && <Loading />}
        {entries && entries.length === 0 && <Paragraph>{g('media.empty')}</Paragraph>}
        {entries && entries.length > 0 && (
          <TableScroll labelledBy="media-list">
            <Table data-size="sm" className="office-table">
              <caption className="office-visually-hidden">{g('media.caption', { year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{g('media.publishedOn')}</Table.HeaderCell>
                  <Table.HeaderCell>{g('media.outlet')}</Table.HeaderCell>
                  <Table.HeaderCell>{g('media.level')}</Table.HeaderCell>
                  <Table.HeaderCell>{g('media.tone')}</Table.HeaderCell>
                  <Table.HeaderCell>{g('media.reach')}</Table.HeaderCell>
                  <Table.HeaderCell>{g('media.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {entries.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>{e.publishedOn}</Table.Cell>
                    <Table.HeaderCell scope="row">
                      {e.url ? (
                        <a className="ds-link" href={e.url} rel="noreferrer noopener">
                          {e.outlet}
                        </a>
                      ) : (
                        e.outlet
                      )}
                      {e.title && <span className="goals-sub">{e.title}</span>}
                    </Table.HeaderCell>
                    <Table.Cell>{g(`media.levels.${e.level}`)}</Table.Cell>
                    <Table.Cell>{g(`media.tones.${e.tone}`)}</Table.Cell>
                    <Table.Cell>
                      {e.reach === null ? '–' : new Intl.NumberFormat(tag).format(e.reach)}
                    </Table.Cell>
                    <Table.Cell>
                      <div className="goals-row-actions">
                        <Button variant="tertiary" data-size="sm" onClick={() => setEditing(e)}>
                          {g('media.editRow')}
                          <span className="office-visually-hidden">: {e.outlet}</span>
                        </Button>
                        <Button variant="tertiary" data-size="sm" onClick={() => setDeleting(e)}>
                          {g('media.delete')}
                          <span className="office-visually-hidden">: {e.outlet}</span>
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={g('media.deleteConfirm', { outlet: deleting?.outlet ?? '' })}
        body={g('media.deleteBody')}
        confirmLabel={g('media.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      />
    </Page>
  );
}

interface FormProps {
  g: GoalsTranslate;
  t: ReturnType<typeof useT>['t'];
  entry: MediaEntry | null;
  onSave: (input: MediaEntryInput) => Promise<void>;
  onCancel: () => void;
}

function MediaForm({ g, t, entry, onSave, onCancel }: FormProps) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = {
    [fieldId('publishedOn')]: g('media.publishedOn'),
    [fieldId('outlet')]: g('media.outlet'),
    [fieldId('level')]: g('media.level'),
    [fieldId('tone')]: g('media.tone'),
    [fieldId('reach')]: g('media.reach'),
    [fieldId('url')]: g('media.url'),
    [fieldId('title')]: g('media.titleField'),
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const v = (f: string) => String(data.get(fieldId(f)) ?? '').trim();
    const reach = v('reach').replace(/\s/g, '');
    const input = {
      publishedOn: v('publishedOn'),
      outlet: v('outlet'),
      level: v('level'),
      tone: v('tone'),
      url: v('url'),
      title: v('title'),
      reach: reach === '' ? null : /^\d+$/.test(reach) ? Number(reach) : -1,
    } as MediaEntryInput;
    setBusy(true);
    try {
      await onSave(input);
      setErrors(noErrors);
    } catch (error) {
      const e = errorsFrom(t, error, Object.fromEntries(FIELDS.map((f) => [f, fieldId(f)])));
      // The contract's own messages, in the reader's language.
      const own = (m: string) => (SERVER_MESSAGES[m] ? g(SERVER_MESSAGES[m]) : m);
      setErrors({
        general: e.general,
        fields: Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, own(m)])),
      });
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const err = (f: string) => errors.fields[fieldId(f)];
  return (
    <section className="office-section" aria-labelledby="media-form-title">
      <Heading level={2} data-size="xs" id="media-form-title">
        {entry ? g('media.edit') : g('media.add')}
      </Heading>
      <form onSubmit={(e) => void submit(e)} noValidate className="goals-form">
        <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
        <TextField
          id={fieldId('publishedOn')}
          label={labels[fieldId('publishedOn')]!}
          type="date"
          defaultValue={entry?.publishedOn ?? ''}
          error={err('publishedOn')}
        />
        <TextField
          id={fieldId('outlet')}
          label={labels[fieldId('outlet')]!}
          defaultValue={entry?.outlet ?? ''}
          error={err('outlet')}
        />
        <SelectField
          id={fieldId('level')}
          label={labels[fieldId('level')]!}
          defaultValue={entry?.level ?? 'national'}
          options={MEDIA_LEVELS.map((l) => ({ value: l, label: g(`media.levels.${l}`) }))}
          error={err('level')}
        />
        <SelectField
          id={fieldId('tone')}
          label={labels[fieldId('tone')]!}
          defaultValue={entry?.tone ?? 'positive'}
          options={MEDIA_TONES.map((l) => ({ value: l, label: g(`media.tones.${l}`) }))}
          error={err('tone')}
        />
        <TextField
          id={fieldId('reach')}
          label={labels[fieldId('reach')]!}
          inputMode="numeric"
          defaultValue={entry?.reach ?? ''}
          error={err('reach')}
        />
        <TextField
          id={fieldId('url')}
          label={labels[fieldId('url')]!}
          type="url"
          defaultValue={entry?.url ?? ''}
          error={err('url')}
        />
        <TextField
          id={fieldId('title')}
          label={labels[fieldId('title')]!}
          defaultValue={entry?.title ?? ''}
          error={err('title')}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {g('media.save')}
          </Button>
          {entry && (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {g('media.cancelEdit')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
