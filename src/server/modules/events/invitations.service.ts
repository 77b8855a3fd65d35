import { createHash } from 'node:crypto';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { getPipeline } from '../followup/pipeline.service.js';
import { createTask, todayInOslo } from '../followup/tasks.service.js';
import { listNewcomers } from '../newcomers/newcomers.service.js';
import { auditActor, listCampaigns } from '../referral/campaigns.service.js';
import { getProspectRow } from '../referral/prospects.service.js';
import { eventPath, formatWhen, queueEventMail } from './events.mail.js';
import * as repo from './events.repo.js';
import { type Actor, findEventFor, type Texts } from './events.service.js';
import type { Links } from './registrations.service.js';
import { mailEventOf } from './registrations.service.js';

/**
 * Hosts invite the newcomers (who agreed to be contacted) and the interested prospects of
 * their municipalities. A newcomer gets an email; a prospect has only a phone, so the host
 * gets a follow-up task to invite them. Each person is invited to an event once: the
 * invitation is keyed by a hash of their email (or of the prospect), so a second round sends
 * nothing to them.
 */

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const keyOfEmail = (email: string) => sha(`email:${email.trim().toLowerCase()}`);
const keyOfProspect = (id: string) => sha(`prospect:${id}`);

interface Candidate {
  kind: 'prospect' | 'newcomer';
  id: string;
  name: string;
  municipalityCode: string;
  email: string | null;
  locale: string;
}

async function interestedProspects(db: Db, clock: Clock, actor: Actor): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const campaigns = await listCampaigns(db, scopeOf(actor.principal));
  for (const c of campaigns) {
    const pipeline = await getPipeline(db, clock, actor, c.id);
    for (const p of pipeline.prospects) {
      if (p.stage !== 'interested' && p.stage !== 'visiting') continue;
      out.push({
        kind: 'prospect',
        id: p.id,
        name: p.name,
        municipalityCode: p.municipalityCode,
        email: null,
        locale: 'nb',
      });
    }
  }
  return out;
}

async function contactableNewcomers(db: Db, clock: Clock, actor: Actor): Promise<Candidate[]> {
  const list = await listNewcomers(db, clock, actor, { status: 'living', contactable: true });
  return list.newcomers
    .filter((n) => n.consentContact)
    .map((n) => ({
      kind: 'newcomer' as const,
      id: n.id,
      name: n.name,
      municipalityCode: n.municipalityCode,
      email: n.email,
      locale: n.locale,
    }));
}

const keyOf = (c: Candidate) => (c.email ? keyOfEmail(c.email) : keyOfProspect(c.id));

async function eventToInviteTo(db: Db, clock: Clock, actor: Actor, eventId: string) {
  const event = await findEventFor(db, actor, eventId);
  if (event.status !== 'published' || event.cancelledAt || new Date(event.endsAt) < clock.now()) {
    throw new AppError('conflict', 'Only a published, upcoming event can have invitations.');
  }
  return event;
}

/** Who the actor could invite to the event, and who already is. Reading is audited (per list). */
export async function listCandidates(db: Db, clock: Clock, actor: Actor, eventId: string) {
  await findEventFor(db, actor, eventId);
  const invited = await repo.invitedHashes(db, eventId);
  const all = [
    ...(await contactableNewcomers(db, clock, actor)),
    ...(await interestedProspects(db, clock, actor)),
  ];
  return all.map((c) => ({
    kind: c.kind,
    id: c.id,
    name: c.name,
    municipalityCode: c.municipalityCode,
    hasEmail: c.email !== null,
    invited: invited.has(keyOf(c)),
  }));
}

export async function invite(
  db: Db,
  clock: Clock,
  links: Links,
  actor: Actor,
  eventId: string,
  input: { prospectIds: string[]; newcomerIds: string[] },
) {
  const event = await eventToInviteTo(db, clock, actor, eventId);
  const result = { emailed: 0, tasks: 0, alreadyInvited: 0 };
  const scope = scopeOf(actor.principal);
  const chosen: Candidate[] = [];
  if (input.newcomerIds.length) {
    const newcomers = await contactableNewcomers(db, clock, actor);
    for (const id of new Set(input.newcomerIds)) {
      const n = newcomers.find((c) => c.id === id);
      if (!n) throw new AppError('not_found', 'The newcomer was not found.', { details: { id } });
      chosen.push(n);
    }
  }
  for (const id of new Set(input.prospectIds)) {
    const p = await getProspectRow(db, scope, id);
    chosen.push({
      kind: 'prospect',
      id,
      name: p.name,
      municipalityCode: p.municipalityCode,
      email: null,
      locale: 'nb',
    });
  }
  const now = clock.now();
  const title = fromDbJson<Texts>(event.title, { nb: '' }).nb;
  for (const c of chosen) {
    const fresh = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertInvitation(trx, {
        id: newId(),
        eventId,
        regionId: event.regionId,
        municipalityCode: c.municipalityCode,
        emailHash: keyOf(c),
        personKind: c.kind,
        personId: c.id,
        invitedBy: actor.principal.userId,
        createdAt: now.toISOString(),
      });
      if (inserted && c.email) {
        const locale = c.locale === 'nn' || c.locale === 'en' ? c.locale : 'nb';
        await queueEventMail(trx, clock, {
          kind: 'invitation',
          to: c.email,
          locale,
          event: mailEventOf(event, locale),
          publicUrl: links.publicUrl,
          consentRef: `newcomer:${c.id}`,
          values: { name: c.name, host: actor.principal.name },
        });
      }
      return inserted;
    });
    if (!fresh) {
      result.alreadyInvited += 1;
    } else if (c.email) {
      result.emailed += 1;
    } else {
      const notes = String(
        translator('nb', 'events')('mail.inviteTask', {
          title,
          when: formatWhen('nb', new Date(event.startsAt), new Date(event.endsAt)),
          eventUrl: `${links.publicUrl}${eventPath('nb', event.id)}`,
        }),
      );
      await createTask(db, clock, actor, {
        prospectId: c.id,
        kind: 'invite_event',
        dueOn: todayInOslo(now),
        notes: notes.slice(0, 2000),
      });
      result.tasks += 1;
    }
  }
  await recordAudit(db, now, {
    action: 'events.invitations_sent',
    ...auditActor(actor),
    target: { type: 'event', id: eventId },
    regionId: event.regionId,
    municipalityCode: event.municipalityCode,
    details: {
      ...result,
      newcomers: input.newcomerIds.length,
      prospects: input.prospectIds.length,
    },
  });
  return result;
}
