import './newcomers.css';
import { Button, Field, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { useWorkspace } from '../workspace.js';
import { type NewcomerList, newcomersApi } from './api.js';
import { formatDay, useNewcomersT } from './text.js';

type Status = 'living' | 'moved_away' | 'all';

/** «Nye innbyggere»: the households in the host's municipalities, newest move first. */
export function NewcomersPage() {
  const n = useNewcomersT();
  const { tag } = useT();
  const { municipalities } = useWorkspace();
  const [status, setStatus] = useState<Status>('living');
  const [municipality, setMunicipality] = useState('');
  const [list, setList] = useState<NewcomerList | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      setList(await newcomersApi.list(status, municipality || undefined));
    } catch {
      setFailed(true);
    }
  }, [status, municipality]);
  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;

  return (
    <Page title={n('office.title')} intro={n('office.intro')}>
      <div className="newcomers-links">
        <Button asChild>
          <Link to="/newcomers/new">{n('office.register')}</Link>
        </Button>
        <Link className="ds-link" to="/newcomers/checklists">
          {n('checklists.link')}
        </Link>
        <Link className="ds-link" to="/newcomers/retention">
          {n('retention.link')}
        </Link>
      </div>
      <div className="newcomers-row">
        <Field>
          <Label htmlFor="newcomer-status">{n('office.status')}</Label>
          <Select
            id="newcomer-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            {(['living', 'moved_away', 'all'] as const).map((s) => (
              <Select.Option key={s} value={s}>
                {n(`office.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="newcomer-municipality">{n('office.municipality')}</Label>
          <Select
            id="newcomer-municipality"
            value={municipality}
            onChange={(e) => setMunicipality(e.target.value)}
          >
            <Select.Option value="">{n('office.allMunicipalities')}</Select.Option>
            {municipalities.map((m) => (
              <Select.Option key={m.code} value={m.code}>
                {m.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !list && <Loading />}
      {list && list.newcomers.length === 0 && <Paragraph>{n('office.none')}</Paragraph>}
      {list && list.newcomers.length > 0 && (
        <TableScroll labelledBy="newcomer-caption">
          <Table className="office-table">
            <caption id="newcomer-caption" className="newcomers-caption">
              {n('office.caption')} ({n('office.count', { count: list.newcomers.length })})
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{n('office.name')}</Table.HeaderCell>
                <Table.HeaderCell>{n('office.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{n('office.movingDate')}</Table.HeaderCell>
                <Table.HeaderCell>{n('office.source')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.newcomers.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell className="office-wrap">
                    <Link className="ds-link" to={`/newcomers/${encodeURIComponent(c.id)}`}>
                      {c.name}
                    </Link>
                    <span className="newcomers-sub">
                      {n('office.persons', { count: c.householdSize })}
                    </span>
                    {c.openMatches > 0 && (
                      <Tag data-color="warning" data-size="sm">
                        {n('office.proposals', { count: c.openMatches })}
                      </Tag>
                    )}{' '}
                    {c.isDemo && (
                      <Tag data-color="neutral" data-size="sm">
                        {n('office.demo')}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>{nameOf(c.municipalityCode)}</Table.Cell>
                  <Table.Cell className="office-nowrap">
                    {formatDay(tag, c.movingDate)}
                    {c.movedAwayOn && (
                      <span className="newcomers-sub">
                        {n('office.movedAway', { date: formatDay(tag, c.movedAwayOn) })}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{n(`office.sources.${c.source}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Page>
  );
}
