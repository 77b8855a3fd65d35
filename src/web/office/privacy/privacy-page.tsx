import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatDate } from '../../i18n/locales.js';
import { SelectField, TextField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useT } from '../i18n.js';
import { type AlertList, privacyApi, type RequestList } from './api.js';
import { PersonPanel } from './person-panel.js';
import { RecordsSection, RetentionSection } from './records-section.js';
import { usePrivacyT } from './text.js';

/**
 * Privacy operations for programme leaders and admins: unusual use, the request log with its
 * deadlines, finding a person for an access export or erasure, retention and the records of
 * processing.
 */
export function PrivacyPage() {
  const p = usePrivacyT();
  const [requests, setRequests] = useState<RequestList | null>(null);
  const [alerts, setAlerts] = useState<AlertList | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    Promise.all([privacyApi.requests(), privacyApi.alerts()])
      .then(([r, a]) => {
        setRequests(r);
        setAlerts(a);
      })
      .catch(() => setFailed(true));
  }, []);
  useEffect(load, [load]);

  return (
    <Page title={p('title')} intro={p('intro')}>
      {failed && <LoadFailed onRetry={load} />}
      {!failed && !requests && <Loading />}
      {alerts && <AlertsSection alerts={alerts} />}
      {requests && <RequestsSection list={requests} onChange={load} />}
      {requests && <PersonPanel requests={requests.requests} onDone={load} />}
      <RetentionSection />
      <RecordsSection />
    </Page>
  );
}

function AlertsSection({ alerts }: { alerts: AlertList }) {
  const p = usePrivacyT();
  const { locale } = useT();
  return (
    <section className="office-section" aria-labelledby="privacy-alerts">
      <Heading level={2} data-size="sm" id="privacy-alerts" className="office-section-title">
        {p('alerts.title')}
      </Heading>
      <Paragraph data-size="sm">{p('alerts.intro')}</Paragraph>
      {alerts.alerts.length === 0 ? (
        <Paragraph>{p('alerts.none')}</Paragraph>
      ) : (
        <Alert data-color="warning" className="office-alert">
          <ul>
            {alerts.alerts.map((a) => (
              <li key={`${a.actorLabel}-${a.hourStart}`}>
                {p('alerts.item', {
                  user: a.actorLabel,
                  people: a.people,
                  time: formatDate(locale, new Date(a.hourStart), {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  }),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

function RequestsSection({ list, onChange }: { list: RequestList; onChange: () => void }) {
  const p = usePrivacyT();
  const { locale } = useT();
  const day = (iso: string) => formatDate(locale, new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const [kind, setKind] = useState<'access' | 'erasure'>('access');
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await privacyApi.createRequest({
        kind,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(receivedOn ? { receivedOn } : {}),
      });
      setReference('');
      setReceivedOn('');
      onChange();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-section" aria-labelledby="privacy-requests">
      <Heading level={2} data-size="sm" id="privacy-requests" className="office-section-title">
        {p('requests.title')}
      </Heading>
      <Paragraph data-size="sm">{p('requests.intro')}</Paragraph>
      {list.overdue > 0 && (
        <Alert data-color="danger" className="office-alert" role="alert">
          {p('requests.overdueCount', { count: list.overdue })}
        </Alert>
      )}
      <form className="office-filters" onSubmit={submit} aria-label={p('requests.add')}>
        <SelectField
          id="request-kind"
          label={p('requests.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'access' | 'erasure')}
          options={[
            { value: 'access', label: p('requests.kinds.access') },
            { value: 'erasure', label: p('requests.kinds.erasure') },
          ]}
        />
        <TextField
          id="request-reference"
          label={p('requests.reference')}
          value={reference}
          maxLength={60}
          onChange={(e) => setReference(e.target.value)}
        />
        <TextField
          id="request-received"
          type="date"
          label={p('requests.receivedOn')}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
        <div className="office-actions">
          <Button type="submit" loading={busy}>
            {p('requests.add')}
          </Button>
        </div>
      </form>
      {list.requests.length === 0 ? (
        <Paragraph>{p('requests.none')}</Paragraph>
      ) : (
        <TableScroll labelledBy="privacy-requests-caption">
          <Table zebra className="office-table">
            <caption id="privacy-requests-caption" className="office-visually-hidden">
              {p('requests.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{p('requests.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{p('requests.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{p('requests.receivedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{p('requests.dueOn')}</Table.HeaderCell>
                <Table.HeaderCell>{p('requests.status')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="office-visually-hidden">{p('requests.markDone')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.requests.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{p(`requests.kinds.${r.kind}`)}</Table.Cell>
                  <Table.Cell>{r.reference ?? '–'}</Table.Cell>
                  <Table.Cell className="office-nowrap">{day(r.receivedOn)}</Table.Cell>
                  <Table.Cell className="office-nowrap">{day(r.dueOn)}</Table.Cell>
                  <Table.Cell>
                    <Tag
                      data-size="sm"
                      data-color={r.overdue ? 'danger' : r.status === 'open' ? 'info' : 'success'}
                    >
                      {r.overdue ? p('requests.overdue') : p(`requests.statuses.${r.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {r.status === 'open' && (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        onClick={() => privacyApi.setStatus(r.id, 'done').then(onChange)}
                      >
                        {p('requests.markDone')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
