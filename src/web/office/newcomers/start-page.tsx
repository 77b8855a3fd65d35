import './newcomers.css';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { LoadFailed, Loading } from '../components/page.js';
import { useFollowupT } from '../followup/text.js';
import { useT } from '../i18n.js';
import { newcomersApi, type StartPage } from './api.js';
import { formatDay, useNewcomersT } from './text.js';

/**
 * The host's day, above the module cards of the start page: follow-up tasks due today or
 * overdue, new registrations and proposals to decide, overdue checklist items, and the
 * coming events in their municipalities. Each list links to the screen where it is done.
 */
export function HostDay() {
  const n = useNewcomersT();
  const f = useFollowupT();
  const { tag } = useT();
  const [day, setDay] = useState<StartPage | null>(null);
  const [failed, setFailed] = useState(false);

  const load = () => {
    setFailed(false);
    newcomersApi
      .start()
      .then(setDay)
      .catch(() => setFailed(true));
  };
  useEffect(load, []);

  if (failed) return <LoadFailed onRetry={load} />;
  if (!day) return <Loading />;
  const d = (s: string) => formatDay(tag, s);
  return (
    <div className="newcomers-grid">
      <section aria-labelledby="start-tasks">
        <Heading level={2} data-size="xs" id="start-tasks">
          {n('start.tasks')}
        </Heading>
        {day.tasks.length === 0 ? (
          <Paragraph>{n('start.noTasks')}</Paragraph>
        ) : (
          <ul className="newcomers-list">
            {day.tasks.map((task) => (
              <li key={task.id}>
                {n('start.taskLine', {
                  kind: f(`tasks.kinds.${task.kind as 'other'}`),
                  name: task.prospectName,
                  campaign: task.campaignName,
                })}
                <span className="newcomers-sub">
                  {d(task.dueOn)}{' '}
                  {task.overdue && (
                    <Tag data-color="danger" data-size="sm">
                      {n('office.overdue')}
                    </Tag>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link className="ds-link" to="/follow-up">
          {n('start.all')}
        </Link>
      </section>
      <section aria-labelledby="start-new">
        <Heading level={2} data-size="xs" id="start-new">
          {n('start.newRegistrations')}
        </Heading>
        {day.newRegistrations.length === 0 ? (
          <Paragraph>{n('start.noNew')}</Paragraph>
        ) : (
          <ul className="newcomers-list">
            {day.newRegistrations.map((c) => (
              <li key={c.id}>
                <Link className="ds-link" to={`/newcomers/${encodeURIComponent(c.id)}`}>
                  {c.name}
                </Link>
                <span className="newcomers-sub">
                  {d(c.movingDate)} · {n(`office.sources.${c.source}`)}
                  {c.isDemo ? ` · ${n('office.demo')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Heading level={3} data-size="2xs">
          {n('start.matches')}
        </Heading>
        {day.matches.length === 0 ? (
          <Paragraph>{n('start.noMatches')}</Paragraph>
        ) : (
          <ul className="newcomers-list">
            {day.matches.map((m) => (
              <li key={m.id}>
                <Link className="ds-link" to={`/newcomers/${encodeURIComponent(m.newcomerId)}`}>
                  {m.newcomerName}
                </Link>
                <span className="newcomers-sub">
                  {n('office.matchLine', {
                    prospect: m.prospect.name,
                    campaign: m.prospect.campaignName,
                    reasons: m.reasons.map((r) => n(`office.matchReasons.${r}`)).join(', '),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="start-overdue">
        <Heading level={2} data-size="xs" id="start-overdue">
          {n('start.overdueChecklist')}
        </Heading>
        {day.overdueChecklist.length === 0 ? (
          <Paragraph>{n('start.noOverdue')}</Paragraph>
        ) : (
          <ul className="newcomers-list">
            {day.overdueChecklist.map((task) => (
              <li key={task.id}>
                <Link className="ds-link" to={`/newcomers/${encodeURIComponent(task.newcomerId)}`}>
                  {task.title}: {task.newcomerName}
                </Link>
                <span className="newcomers-sub">{n('office.due', { date: d(task.dueOn) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="start-events">
        <Heading level={2} data-size="xs" id="start-events">
          {n('start.events')}
        </Heading>
        {day.events === null ? (
          <Paragraph>{n('start.eventsMissing')}</Paragraph>
        ) : day.events.length === 0 ? (
          <Paragraph>{n('start.noEvents')}</Paragraph>
        ) : (
          <ul className="newcomers-list">
            {day.events.map((e) => (
              <li key={e.id}>
                {e.title}
                <span className="newcomers-sub">{d(e.startsAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
