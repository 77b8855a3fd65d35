import './followup.css';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type Campaign, referralApi } from '../referral/api.js';
import { type FollowUpTask, followupApi, type TaskFilter, type TaskList } from './api.js';
import { type FollowupTranslate, useFollowupT } from './text.js';

/** A calendar day (YYYY-MM-DD) in the reader's language. */
export function formatDay(tag: string, day: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

interface Notice {
  text: string;
  /** The change to take back, when there is one. */
  undo?: { task: FollowUpTask; status: FollowUpTask['status'] };
}

/** «Oppfølging»: the hosts' open tasks, overdue first; done with undo; the campaigns' screens. */
export function FollowUpPage() {
  const f = useFollowupT();
  const [filter, setFilter] = useState<TaskFilter>({ status: 'open' });
  const [list, setList] = useState<TaskList | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusAfterLoad = useRef<string | null>(null);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setList(await followupApi.tasks(filter));
    } catch {
      setFailed(true);
    }
  }, [filter]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    referralApi
      .campaigns()
      .then((res) => setCampaigns(res.campaigns.filter((c) => c.kind === 'referral')))
      .catch(() => setCampaigns([]));
  }, []);

  // After a reload, focus goes where the last action asked for (the undo, or a task again).
  useEffect(() => {
    const target = focusAfterLoad.current;
    if (!list || !target) return;
    focusAfterLoad.current = null;
    if (target === 'undo') undoRef.current?.focus();
    else document.getElementById(target)?.focus();
  }, [list]);

  const change = async (task: FollowUpTask, status: FollowUpTask['status'], isUndo = false) => {
    try {
      await followupApi.updateTask(task.id, { status });
      const values = { task: f(`tasks.kinds.${task.kind}`), name: task.prospect.name };
      const text =
        status === 'done'
          ? f('tasks.markedDone', values)
          : status === 'cancelled'
            ? f('tasks.cancelled', values)
            : f('tasks.reopened', values);
      setNotice(isUndo ? { text } : { text, undo: { task, status: task.status } });
      focusAfterLoad.current = isUndo ? `task-done-${task.id}` : 'undo';
      await load();
    } catch {
      setNotice({ text: f('tasks.failed') });
    }
  };

  const assign = async (task: FollowUpTask, assigneeId: string) => {
    try {
      const saved = await followupApi.updateTask(task.id, { assigneeId: assigneeId || null });
      setNotice({
        text: saved.assignee
          ? f('tasks.assigned', { name: saved.assignee.name })
          : f('tasks.unassigned'),
      });
      await load();
    } catch {
      setNotice({ text: f('tasks.failed') });
    }
  };

  return (
    <Page title={f('tasks.title')} intro={f('tasks.intro')}>
      <Filters f={f} filter={filter} campaigns={campaigns} onChange={setFilter} />
      <div role="status" className="followup-notice">
        {notice && (
          <Alert data-color="info" className="office-alert">
            <Paragraph>{notice.text}</Paragraph>
            {notice.undo && (
              <Button
                ref={undoRef}
                id="undo"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  const undo = notice.undo!;
                  void change(undo.task, undo.status, true);
                }}
              >
                {f('tasks.undo')}
              </Button>
            )}
          </Alert>
        )}
      </div>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !list && <Loading />}
      {list && list.tasks.length === 0 && <Paragraph>{f('tasks.none')}</Paragraph>}
      {list && list.tasks.length > 0 && (
        <TaskTable f={f} list={list} onChange={change} onAssign={assign} />
      )}
      {campaigns.length > 0 && (
        <section aria-labelledby="followup-campaigns" className="office-section">
          <Heading level={2} data-size="sm" id="followup-campaigns">
            {f('tasks.campaigns')}
          </Heading>
          <ul className="followup-campaigns">
            {campaigns.map((c) => (
              <li key={c.id}>
                <Link className="ds-link" to={`/follow-up/${encodeURIComponent(c.id)}/pipeline`}>
                  {f('tasks.pipelineLink', { campaign: c.name })}
                </Link>
                <Link className="ds-link" to={`/follow-up/${encodeURIComponent(c.id)}/funnel`}>
                  {f('tasks.funnelLink', { campaign: c.name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

interface FiltersProps {
  f: FollowupTranslate;
  filter: TaskFilter;
  campaigns: Campaign[];
  onChange: (filter: TaskFilter) => void;
}

function Filters({ f, filter, campaigns, onChange }: FiltersProps) {
  return (
    <Fieldset className="office-filters">
      <Fieldset.Legend>{f('tasks.filters')}</Fieldset.Legend>
      <Field>
        <Label htmlFor="task-status">{f('tasks.status')}</Label>
        <Select
          id="task-status"
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as TaskFilter['status'] })}
        >
          {(['open', 'done', 'cancelled', 'all'] as const).map((s) => (
            <Select.Option key={s} value={s}>
              {f(`tasks.statuses.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="task-campaign">{f('tasks.campaign')}</Label>
        <Select
          id="task-campaign"
          value={filter.campaign ?? ''}
          onChange={(e) => {
            const { campaign: _dropped, ...rest } = filter;
            onChange(e.target.value ? { ...rest, campaign: e.target.value } : rest);
          }}
        >
          <Select.Option value="">{f('tasks.allCampaigns')}</Select.Option>
          {campaigns.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Input
          type="checkbox"
          id="task-mine"
          checked={filter.mine ?? false}
          onChange={(e) => onChange({ ...filter, mine: e.target.checked })}
        />
        <Label htmlFor="task-mine" weight="regular">
          {f('tasks.mine')}
        </Label>
      </Field>
      <Field>
        <Input
          type="checkbox"
          id="task-overdue"
          checked={filter.overdue ?? false}
          onChange={(e) => onChange({ ...filter, overdue: e.target.checked })}
        />
        <Label htmlFor="task-overdue" weight="regular">
          {f('tasks.overdueOnly')}
        </Label>
      </Field>
    </Fieldset>
  );
}

interface TaskTableProps {
  f: FollowupTranslate;
  list: TaskList;
  onChange: (task: FollowUpTask, status: FollowUpTask['status']) => void;
  onAssign: (task: FollowUpTask, assigneeId: string) => void;
}

function TaskTable({ f, list, onChange, onAssign }: TaskTableProps) {
  const { tag } = useT();
  return (
    <TableScroll labelledBy="task-caption">
      <Table className="office-table">
        <caption id="task-caption" className="followup-caption">
          {f('tasks.caption')} ({f('tasks.count', { count: list.tasks.length })})
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{f('tasks.due')}</Table.HeaderCell>
            <Table.HeaderCell>{f('tasks.what')}</Table.HeaderCell>
            <Table.HeaderCell>{f('tasks.who')}</Table.HeaderCell>
            <Table.HeaderCell>{f('tasks.assignee')}</Table.HeaderCell>
            <Table.HeaderCell>{f('tasks.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.tasks.map((task) => {
            const values = { task: f(`tasks.kinds.${task.kind}`), name: task.prospect.name };
            const hosts = list.assignees.filter((a) =>
              a.municipalityCodes.includes(task.municipalityCode),
            );
            return (
              <Table.Row key={task.id}>
                <Table.Cell className="office-nowrap">
                  {formatDay(tag, task.dueOn)}
                  {task.overdue && (
                    <>
                      {' '}
                      <Tag data-color="danger" data-size="sm">
                        {f('tasks.overdue')}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell className="office-wrap">
                  {values.task}
                  <span className="followup-sub">{task.campaignName}</span>
                  {task.notes && <span className="followup-sub">{task.notes}</span>}
                </Table.Cell>
                <Table.Cell className="office-wrap">
                  {task.prospect.name}
                  {task.prospect.phone && (
                    <a
                      className="ds-link followup-sub"
                      href={`tel:${task.prospect.phone}`}
                      aria-label={f('tasks.call', { phone: task.prospect.phone })}
                    >
                      {task.prospect.phone}
                    </a>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Select
                    id={`task-assignee-${task.id}`}
                    aria-label={f('tasks.assignLabel', values)}
                    data-size="sm"
                    value={task.assignee?.id ?? ''}
                    onChange={(e) => onAssign(task, e.target.value)}
                  >
                    <Select.Option value="">{f('tasks.nobody')}</Select.Option>
                    {hosts.map((h) => (
                      <Select.Option key={h.id} value={h.id}>
                        {h.name}
                      </Select.Option>
                    ))}
                  </Select>
                </Table.Cell>
                <Table.Cell>
                  <div className="office-row-actions">
                    {task.status === 'open' ? (
                      <>
                        <Button
                          id={`task-done-${task.id}`}
                          data-size="sm"
                          aria-label={f('tasks.markDone', values)}
                          onClick={() => onChange(task, 'done')}
                        >
                          {f('tasks.done')}
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={f('tasks.cancelLabel', values)}
                          onClick={() => onChange(task, 'cancelled')}
                        >
                          {f('tasks.cancel')}
                        </Button>
                      </>
                    ) : (
                      <Button
                        id={`task-done-${task.id}`}
                        variant="secondary"
                        data-size="sm"
                        onClick={() => onChange(task, 'open')}
                      >
                        {f('tasks.reopen')}
                      </Button>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
