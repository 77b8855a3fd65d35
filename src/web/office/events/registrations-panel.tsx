import { Alert, Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { SelectField } from '../components/forms.js';
import { LoadFailed, Loading, TableScroll } from '../components/page.js';
import { useUser } from '../session.js';
import { type CandidateList, type EventView, eventsApi, type RegistrationList } from './api.js';
import { useEventsT } from './text.js';

/** One event's registrations with attendance, and (for hosts and leaders) invitations. */
export function RegistrationsPanel({ event, onBack }: { event: EventView; onBack: () => void }) {
  const t = useEventsT();
  const user = useUser();
  const [list, setList] = useState<RegistrationList | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    try {
      setList(await eventsApi.registrations(event.id));
    } catch {
      setFailed(true);
    }
  }, [event.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const attend = async (registrationId: string, value: string) => {
    const attended = value === 'yes' ? true : value === 'no' ? false : null;
    try {
      setList(await eventsApi.attendance(event.id, registrationId, attended));
    } catch {
      setFailed(true);
    }
  };
  const mayInvite = user.role !== 'organiser' && event.status === 'published' && !event.cancelledAt;
  return (
    <section aria-labelledby="reg-heading">
      <Heading level={2} data-size="sm" id="reg-heading">
        {t('office.registrations')}: {event.title.nb}
      </Heading>
      <Paragraph>
        <a className="ds-link" href={`/arrangementer/${event.id}`}>
          {t('office.publicLink')}
        </a>
      </Paragraph>
      {failed ? <LoadFailed onRetry={() => void load()} /> : null}
      {!list && !failed ? <Loading /> : null}
      {list ? (
        <>
          <Paragraph role="status">
            {t('office.counts', {
              confirmed: list.counts.confirmedSeats,
              waiting: list.counts.waitingSeats,
              attended: list.counts.attended,
              invited: list.counts.invited,
            })}
          </Paragraph>
          {list.registrations.length === 0 ? (
            <Paragraph>{t('office.noRegistrations')}</Paragraph>
          ) : (
            <TableScroll labelledBy="reg-caption">
              <Table>
                <caption id="reg-caption">
                  {t('office.registrationsCaption', { title: event.title.nb })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('office.reg.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('office.reg.email')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('office.reg.seats')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('office.reg.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('office.reg.attended')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.registrations.map((r) => {
                    const name = r.name ?? t('office.reg.anonymised');
                    return (
                      <Table.Row key={r.id}>
                        <Table.Cell>{name}</Table.Cell>
                        <Table.Cell>{r.email ?? ''}</Table.Cell>
                        <Table.Cell>{r.seats}</Table.Cell>
                        <Table.Cell>
                          {t(`office.reg.statuses.${r.status}`, {
                            position: r.waitingPosition ?? 0,
                          })}
                        </Table.Cell>
                        <Table.Cell>
                          {r.status === 'confirmed' ? (
                            <SelectField
                              id={`attended-${r.id}`}
                              label={t('office.reg.attendanceFor', { name })}
                              value={r.attended === null ? '' : r.attended ? 'yes' : 'no'}
                              onChange={(e) => void attend(r.id, e.target.value)}
                              options={[
                                { value: '', label: t('office.reg.attendedUnknown') },
                                { value: 'yes', label: t('office.reg.attendedYes') },
                                { value: 'no', label: t('office.reg.attendedNo') },
                              ]}
                            />
                          ) : null}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </>
      ) : null}
      {mayInvite ? <InvitePanel eventId={event.id} onSent={() => void load()} /> : null}
      <div className="office-actions">
        <Button variant="secondary" onClick={onBack}>
          {t('event.back')}
        </Button>
      </div>
    </section>
  );
}

function InvitePanel({ eventId, onSent }: { eventId: string; onSent: () => void }) {
  const t = useEventsT();
  const [list, setList] = useState<CandidateList | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  useEffect(() => {
    eventsApi.candidates(eventId).then(setList, () => setList({ candidates: [] }));
  }, [eventId]);
  const send = async () => {
    if (!list || chosen.size === 0) return setMessage(t('office.inviteChoose'));
    const pick = (kind: 'prospect' | 'newcomer') =>
      list.candidates
        .filter((c) => c.kind === kind && chosen.has(`${kind}:${c.id}`))
        .map((c) => c.id);
    const result = await eventsApi.invite(eventId, {
      prospectIds: pick('prospect'),
      newcomerIds: pick('newcomer'),
    });
    setMessage(
      t('office.inviteDone', {
        emailed: result.emailed,
        tasks: result.tasks,
        already: result.alreadyInvited,
      }),
    );
    setChosen(new Set());
    setList(await eventsApi.candidates(eventId));
    onSent();
  };
  return (
    <section aria-labelledby="invite-heading">
      <Heading level={3} data-size="xs" id="invite-heading">
        {t('office.invite')}
      </Heading>
      <Paragraph>{t('office.inviteIntro')}</Paragraph>
      {message ? <Alert role="status">{message}</Alert> : null}
      {list && list.candidates.length === 0 ? (
        <Paragraph>{t('office.inviteNone')}</Paragraph>
      ) : null}
      {list && list.candidates.length > 0 ? (
        <fieldset className="office-checkboxes">
          <legend>{t('office.inviteCaption')}</legend>
          {list.candidates.map((c) => {
            const key = `${c.kind}:${c.id}`;
            const extra = [
              t(`office.inviteKind.${c.kind}`),
              c.hasEmail ? null : t('office.inviteNoEmail'),
              c.invited ? t('office.inviteAlready') : null,
            ]
              .filter(Boolean)
              .join(', ');
            return (
              <Checkbox
                key={key}
                label={`${c.name} (${extra})`}
                value={key}
                disabled={c.invited}
                checked={chosen.has(key)}
                onChange={(e) =>
                  setChosen((old) => {
                    const next = new Set(old);
                    if (e.target.checked) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
              />
            );
          })}
        </fieldset>
      ) : null}
      <div className="office-actions">
        <Button onClick={() => void send()}>{t('office.inviteSend')}</Button>
      </div>
    </section>
  );
}
