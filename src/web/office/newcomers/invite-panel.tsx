import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { SelectField } from '../components/forms.js';
import { type EventView, eventsApi } from '../events/api.js';
import { useT } from '../i18n.js';
import type { Newcomer } from './api.js';
import { formatDay, type NewcomersTranslate } from './text.js';

/**
 * From a newcomer's page, the host invites the household to one of the coming events (the
 * events module emails them, once per event). Only with an email and consent to contact.
 */
export function InviteToEvent({ n, newcomer }: { n: NewcomersTranslate; newcomer: Newcomer }) {
  const { locale, tag } = useT();
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [eventId, setEventId] = useState('');
  const [message, setMessage] = useState('');
  const reachable =
    newcomer.consents.contact &&
    !newcomer.movedAwayOn &&
    newcomer.adults.some((a) => Boolean(a.email));

  useEffect(() => {
    if (!reachable) return;
    eventsApi
      .list('upcoming')
      .then((r) => setEvents(r.events.filter((e) => e.status === 'published' && !e.cancelledAt)))
      .catch(() => setEvents([]));
  }, [reachable]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!eventId) return setMessage(n('office.inviteMissing'));
    try {
      const result = await eventsApi.invite(eventId, {
        newcomerIds: [newcomer.id],
        prospectIds: [],
      });
      setMessage(result.emailed > 0 ? n('office.inviteSent') : n('office.inviteAlready'));
    } catch {
      setMessage(n('office.failed'));
    }
  };

  return (
    <section aria-labelledby="nc-invite" className="office-section">
      <Heading level={2} data-size="sm" id="nc-invite">
        {n('office.inviteTitle')}
      </Heading>
      {!reachable && <Paragraph>{n('office.inviteNoEmail')}</Paragraph>}
      {reachable && events?.length === 0 && <Paragraph>{n('office.inviteNone')}</Paragraph>}
      {reachable && events && events.length > 0 && (
        <form onSubmit={(e) => void submit(e)} className="newcomers-row">
          <SelectField
            id="nc-invite-event"
            label={n('office.inviteEvent')}
            value={eventId}
            onChange={(e) => setEventId(e.target.value)}
            options={[
              { value: '', label: n('office.inviteChoose') },
              ...events.map((e) => ({
                value: e.id,
                label: `${e.title[locale] ?? e.title.nb} (${formatDay(tag, e.startsAtOslo)})`,
              })),
            ]}
          />
          <Button type="submit" variant="secondary">
            {n('office.inviteSend')}
          </Button>
        </form>
      )}
      <div role="status">{message && <Paragraph>{message}</Paragraph>}</div>
    </section>
  );
}
