import './newcomers.css';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { StoriesPanel } from '../content/stories-panel.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';
import { type Newcomer, newcomersApi } from './api.js';
import { InviteToEvent } from './invite-panel.js';
import { formatDay, type NewcomersTranslate, useNewcomersT } from './text.js';

/** One household: facts, needs, consents, proposals, welcome checklist and a move away. */
export function NewcomerScreen() {
  const n = useNewcomersT();
  const { tag } = useT();
  const { id = '' } = useParams();
  const { municipalities } = useWorkspace();
  const [newcomer, setNewcomer] = useState<Newcomer | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setNewcomer(await newcomersApi.get(id));
    } catch {
      setFailed(true);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setNotice(n('office.saved'));
      await load();
    } catch {
      setNotice(n('office.failed'));
    }
  };

  const title = newcomer?.adults[0]?.name ?? n('office.title');
  const day = (d: string) => formatDay(tag, d);
  return (
    <Page title={title}>
      <Paragraph>
        <Link className="ds-link" to="/newcomers">
          {n('office.back')}
        </Link>
      </Paragraph>
      <div role="status">{notice && <Alert data-color="info">{notice}</Alert>}</div>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !newcomer && <Loading />}
      {newcomer && (
        <>
          {newcomer.isDemo && (
            <Paragraph>
              <Tag data-color="neutral">{n('office.demo')}</Tag> {n('office.demoNote')}
            </Paragraph>
          )}
          <Facts n={n} newcomer={newcomer} day={day} municipalities={municipalities} />
          <Paragraph>
            <Link className="ds-link" to={`/newcomers/${encodeURIComponent(id)}/edit`}>
              {n('office.edit')}
            </Link>
          </Paragraph>
          <Matches n={n} newcomer={newcomer} act={act} />
          <section aria-labelledby="nc-checklist" className="office-section">
            <Heading level={2} data-size="sm" id="nc-checklist">
              {n('office.checklist')}
            </Heading>
            {newcomer.checklist.length === 0 && <Paragraph>{n('office.noChecklist')}</Paragraph>}
            <ul className="newcomers-list">
              {newcomer.checklist.map((task) => (
                <li key={task.id}>
                  {task.title}{' '}
                  {task.overdue && (
                    <Tag data-color="danger" data-size="sm">
                      {n('office.overdue')}
                    </Tag>
                  )}
                  <span className="newcomers-sub">
                    {task.doneAt
                      ? n('office.doneOn', { date: day(task.doneAt) })
                      : n('office.due', { date: day(task.dueOn) })}
                    {task.responsible &&
                      ` · ${n('office.responsible', { name: task.responsible.name })}`}
                  </span>
                  <Button
                    data-size="sm"
                    variant={task.doneAt ? 'secondary' : 'primary'}
                    onClick={() => void act(() => newcomersApi.task(id, task.id, !task.doneAt))}
                  >
                    {task.doneAt
                      ? n('office.undoDone', { title: task.title })
                      : n('office.markDone', { title: task.title })}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <InviteToEvent n={n} newcomer={newcomer} />
          <StoriesPanel newcomerId={id} />
          <MovedAway n={n} newcomer={newcomer} day={day} act={act} />
        </>
      )}
    </Page>
  );
}

interface FactsProps {
  n: NewcomersTranslate;
  newcomer: Newcomer;
  day: (d: string) => string;
  municipalities: Array<{ code: string; name: string }>;
}

function Facts({ n, newcomer: c, day, municipalities }: FactsProps) {
  const consent = (given: boolean, at: string | null) =>
    given ? n('office.given', { date: at ? day(at) : '' }) : n('office.notGiven');
  return (
    <dl className="newcomers-facts">
      <dt>{n('office.municipality')}</dt>
      <dd>
        {municipalities.find((m) => m.code === c.municipalityCode)?.name ?? c.municipalityCode}
      </dd>
      <dt>{n('office.movingDate')}</dt>
      <dd>{day(c.movingDate)}</dd>
      <dt>{n('office.adults')}</dt>
      <dd>
        {c.adults.map((a) => (
          <span key={`${a.name}${a.email}`} className="newcomers-sub">
            {[a.name, a.birthYear, a.email, a.phone].filter(Boolean).join(' · ')}
          </span>
        ))}
      </dd>
      <dt>{n('office.children')}</dt>
      <dd>
        {c.children.length === 0
          ? n('office.noChildren')
          : c.children.map((child) => (
              <span key={`${child.birthYear}-${child.age}`} className="newcomers-sub">
                {n('office.childLine', {
                  year: child.birthYear,
                  age: child.age,
                  need: n(`needs.${child.need}`),
                })}
              </span>
            ))}
      </dd>
      <dt>{n('office.movedFrom')}</dt>
      <dd>{c.movedFrom ?? '–'}</dd>
      <dt>{n('office.reasons')}</dt>
      <dd>{c.reasons.map((r) => n(`reasons.${r}`)).join(', ') || '–'}</dd>
      <dt>{n('office.heardVia')}</dt>
      <dd>{c.heardVia ? (c.heardVia.campaignName ?? n(`channels.${c.heardVia.channel}`)) : '–'}</dd>
      <dt>{n('office.consentContact')}</dt>
      <dd>{consent(c.consents.contact, c.consents.contactAt)}</dd>
      <dt>{n('office.consentCheckIns')}</dt>
      <dd>
        {consent(c.consents.checkIns, c.consents.checkInsAt)}
        {c.consents.withdrawnAt && (
          <span className="newcomers-sub">
            {n('office.withdrawn', { date: day(c.consents.withdrawnAt) })}
          </span>
        )}
      </dd>
      <dt>{n('office.source')}</dt>
      <dd>{n(`office.sources.${c.source}`)}</dd>
      {c.notes && (
        <>
          <dt>{n('office.notes')}</dt>
          <dd>{c.notes}</dd>
        </>
      )}
    </dl>
  );
}

interface ActProps {
  n: NewcomersTranslate;
  newcomer: Newcomer;
  act: (action: () => Promise<unknown>) => Promise<void>;
}

function Matches({ n, newcomer, act }: ActProps) {
  if (newcomer.matches.length === 0) return null;
  return (
    <section aria-labelledby="nc-matches" className="office-section">
      <Heading level={2} data-size="sm" id="nc-matches">
        {n('office.matches')}
      </Heading>
      <ul className="newcomers-list">
        {newcomer.matches.map((m) => {
          const values = { prospect: m.prospect.name };
          return (
            <li key={m.id}>
              {n('office.matchLine', {
                prospect: m.prospect.name,
                campaign: m.prospect.campaignName,
                reasons: m.reasons.map((r) => n(`office.matchReasons.${r}`)).join(', '),
              })}
              {m.prospect.household && (
                <span className="newcomers-sub">{m.prospect.household}</span>
              )}
              {m.status === 'open' ? (
                <span className="newcomers-row">
                  <Button data-size="sm" onClick={() => void act(() => newcomersApi.confirm(m.id))}>
                    {n('office.confirm', values)}
                  </Button>
                  <Button
                    data-size="sm"
                    variant="secondary"
                    onClick={() => void act(() => newcomersApi.reject(m.id))}
                  >
                    {n('office.reject', values)}
                  </Button>
                </span>
              ) : (
                <Tag data-color={m.status === 'confirmed' ? 'success' : 'neutral'} data-size="sm">
                  {n(`office.${m.status}`)}
                </Tag>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MovedAway({ n, newcomer, act, day }: ActProps & { day: (d: string) => string }) {
  const [on, setOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(() => newcomersApi.movedAway(newcomer.id, on));
  };
  return (
    <section aria-labelledby="nc-moved" className="office-section">
      <Heading level={2} data-size="sm" id="nc-moved">
        {n('office.movedAwayTitle')}
      </Heading>
      {newcomer.movedAwayOn ? (
        <>
          <Paragraph>
            {n('office.movedAway', { date: day(newcomer.movedAwayOn) })} (
            {n(`office.movedAwayBy.${newcomer.movedAwaySource ?? 'host'}`)})
          </Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void act(() => newcomersApi.movedAway(newcomer.id, null))}
          >
            {n('office.undoMovedAway')}
          </Button>
        </>
      ) : (
        <form onSubmit={submit} className="newcomers-row">
          <TextField
            id="nc-moved-on"
            type="date"
            label={n('office.movedAwayOn')}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            required
          />
          <Button type="submit" variant="secondary">
            {n('office.recordMovedAway')}
          </Button>
        </form>
      )}
    </section>
  );
}
