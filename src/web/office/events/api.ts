/** The events screens' client for /api; errors are the shared ApiError. */
import type { z } from 'zod';
import type {
  EventInput,
  EventPatch,
  EventView,
  InvitationResultSchema,
  InviteCandidateListSchema,
  Organiser,
  RegistrationListSchema,
} from '../../../contracts/events.js';
import { call } from '../api-call.js';

export type { EventInput, EventView, Organiser };
export type RegistrationList = z.infer<typeof RegistrationListSchema>;
export type CandidateList = z.infer<typeof InviteCandidateListSchema>;
export type InvitationResult = z.infer<typeof InvitationResultSchema>;

const id = encodeURIComponent;

export const eventsApi = {
  list: (when: 'upcoming' | 'past' | 'all') =>
    call<{ events: EventView[] }>('GET', `/api/events?when=${when}`),
  create: (input: EventInput) => call<EventView>('POST', '/api/events', input),
  update: (eventId: string, patch: EventPatch) =>
    call<EventView>('PATCH', `/api/events/${id(eventId)}`, patch),
  organisers: () => call<{ organisers: Organiser[] }>('GET', '/api/event-organisers'),
  createOrganiser: (body: { name: string; kind: Organiser['kind'] }) =>
    call<Organiser>('POST', '/api/event-organisers', body),
  addMember: (organiserId: string, userId: string) =>
    call<Organiser>('POST', `/api/event-organisers/${id(organiserId)}/members`, { userId }),
  registrations: (eventId: string) =>
    call<RegistrationList>('GET', `/api/events/${id(eventId)}/registrations`),
  attendance: (eventId: string, registrationId: string, attended: boolean | null) =>
    call<RegistrationList>(
      'PUT',
      `/api/events/${id(eventId)}/registrations/${id(registrationId)}/attendance`,
      { attended },
    ),
  candidates: (eventId: string) =>
    call<CandidateList>('GET', `/api/events/${id(eventId)}/invitation-candidates`),
  invite: (eventId: string, body: { prospectIds: string[]; newcomerIds: string[] }) =>
    call<InvitationResult>('POST', `/api/events/${id(eventId)}/invitations`, body),
};
