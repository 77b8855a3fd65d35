import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { SelectField } from '../components/forms.js';
import { LoadFailed, Loading, Page, TableScroll } from '../components/page.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { type EventView, eventsApi, type Organiser } from './api.js';
import { EventForm } from './event-form.js';
import { OrganisersPanel } from './organisers-panel.js';
import { RegistrationsPanel } from './registrations-panel.js';
import { useEventsT } from './text.js';

type When = 'upcoming' | 'past' | 'all';
type Mode =
  | { kind: 'list' }
  | { kind: 'form'; event?: EventView }
  | { kind: 'registrations'; event: EventView };

const when = (e: EventView) =>
  new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(e.startsAt));

/** Events in the office: the list, a form, registrations with attendance and invitations. */
export function EventsPage() {
  const t = useEventsT();
  const user = useUser();
  const { region } = useWorkspace();
  const [filter, setFilter] = useState<When>('upcoming');
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [organisers, setOrganisers] = useState<Organiser[]>([]);
  const [failed, setFailed] = useState(false);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const [list, orgs] = await Promise.all([eventsApi.list(filter), eventsApi.organisers()]);
      setEvents(list.events);
      setOrganisers(orgs.organisers);
    } catch {
      setFailed(true);
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const municipalityName = (code: string) =>
    region?.municipalities.find((m) => m.code === code)?.name ?? code;
  const own = user.role === 'organiser' ? organisers[0] : undefined;
  const intro = own ? t('office.organiserIntro', { organiser: own.name }) : t('office.intro');
  const done = (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
    void load();
  };

  if (user.role === 'organiser' && events && organisers.length === 0) {
    return (
      <Page title={t('office.title')}>
        <Alert data-color="info">{t('office.noOrganisation')}</Alert>
      </Page>
    );
  }
  if (mode.kind === 'form') {
    return (
      <Page title={t('office.title')}>
        <EventForm
          event={mode.event}
          organisers={organisers}
          onDone={done}
          onCancel={() => setMode({ kind: 'list' })}
        />
      </Page>
    );
  }
  if (mode.kind === 'registrations') {
    return (
      <Page title={t('office.title')}>
        <RegistrationsPanel event={mode.event} onBack={() => done('')} />
      </Page>
    );
  }
  return (
    <Page title={t('office.title')} intro={intro}>
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      <div className="office-actions">
        <Button onClick={() => setMode({ kind: 'form' })}>{t('office.newEvent')}</Button>
      </div>
      <SelectField
        id="events-when"
        label={t('office.show')}
        value={filter}
        onChange={(e) => setFilter(e.target.value as When)}
        options={(['upcoming', 'past', 'all'] as const).map((w) => ({
          value: w,
          label: t(`office.when.${w}`),
        }))}
      />
      {failed ? <LoadFailed onRetry={() => void load()} /> : null}
      {!events && !failed ? <Loading /> : null}
      {events && events.length === 0 ? <Paragraph>{t('office.none')}</Paragraph> : null}
      {events && events.length > 0 ? (
        <TableScroll labelledBy="events-caption">
          <Table>
            <caption id="events-caption">{t('office.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('office.columns.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.seats')}</Table.HeaderCell>
                <Table.HeaderCell>{t('office.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t('office.editEvent')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setMode({ kind: 'registrations', event: e })}
                    >
                      {e.title.nb}
                    </Button>
                  </Table.Cell>
                  <Table.Cell>{when(e)}</Table.Cell>
                  <Table.Cell>{municipalityName(e.municipalityCode)}</Table.Cell>
                  <Table.Cell>
                    {e.capacity === null
                      ? t('office.seatsNoLimit', { taken: e.counts.confirmedSeats })
                      : t('office.seatsOf', {
                          taken: e.counts.confirmedSeats,
                          capacity: e.capacity,
                        })}
                    {e.counts.waitingSeats
                      ? ` · ${t('office.waiting', { count: e.counts.waitingSeats })}`
                      : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {e.cancelledAt
                      ? t('office.statuses.cancelled')
                      : t(`office.statuses.${e.status}`)}
                  </Table.Cell>
                  <Table.Cell>
                    {e.cancelledAt ? null : (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        onClick={() => setMode({ kind: 'form', event: e })}
                        aria-label={`${t('office.editEvent')}: ${e.title.nb}`}
                      >
                        {t('office.editEvent')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {user.role === 'admin' || user.role === 'programme_leader' ? (
        <OrganisersPanel organisers={organisers} onChange={() => void load()} />
      ) : null}
    </Page>
  );
}
