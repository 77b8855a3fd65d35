import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';
import { findBusinessPersonData } from '../business/business.privacy.js';
import { findNewcomerStoryData } from '../content/stories.privacy.js';
import { findEventRegistrationData } from '../events/events.privacy.js';
import { findNewcomerData } from '../newcomers/newcomers.privacy.js';
import { personHashes, suppressionHash, toE164 } from '../referral/normalise.js';
import { suppressionSalt } from '../referral/suppressions.service.js';
import { findSurveyInvitationData } from '../surveys/surveys.privacy.js';
import type { PersonKeys } from './lookup.js';
import * as repo from './privacy.repo.js';

/**
 * Everything held about one person, found by exact keys across modules, within the scope's
 * regions: as a tipped person (prospects, the tips about them, calls, follow-up tasks), as a
 * tipper (by phone or email), as the receiver of email, and as a staff user (by email).
 */
export async function collectPersonData(db: Db, scope: Scope, keys: PersonKeys) {
  const prospects = await repo.findProspects(db, scope, keys);
  const prospectIds = prospects.map((p) => p.id);
  const tipsAbout = await repo.findTipsOfProspects(db, prospectIds);
  const calls = await repo.findCallsOfProspects(db, prospectIds);
  const tasks = await repo.findTasksOfProspects(db, prospectIds);
  const claims = await repo.countClaimsOfProspects(db, prospectIds);

  let tipsGiven: Awaited<ReturnType<typeof repo.findTipsWithTipperContact>> = [];
  if (keys.email) tipsGiven = await repo.findTipsWithTipperContact(db, scope, keys.email);
  else if (keys.phoneE164) {
    // Tippers' phones are stored as typed: compare them as E.164.
    const withPhone = await repo.findTipsWithTipperContact(db, scope, null);
    tipsGiven = withPhone.filter((t) => toE164(t.tipperPhone) === keys.phoneE164);
  }
  const newcomers = await findNewcomerData(db, scope, keys);
  const newcomerStories = await findNewcomerStoryData(
    db,
    newcomers.map((n) => n.id),
  );
  const eventRegistrations = await findEventRegistrationData(db, scope, keys);
  const addresses = new Set<string>();
  for (const n of newcomers) for (const a of n.adults) if (a.email) addresses.add(a.email);
  if (keys.email) addresses.add(keys.email);
  for (const t of tipsGiven) if (t.tipperEmail) addresses.add(t.tipperEmail.toLowerCase());
  const emails = await repo.findOutboxTo(db, scope, [...addresses]);
  const users = keys.email ? await repo.findUsersByEmail(db, scope, keys.email) : [];
  const audit = await repo.findAuditAbout(db, [...prospectIds, ...users.map((u) => u.id)]);

  const salt = await suppressionSalt(db);
  const hashes = new Map<string, 'phone' | 'name_address'>();
  for (const p of prospects) {
    if (p.phoneHash) hashes.set(p.phoneHash, 'phone');
    if (p.nameAddressHash) hashes.set(p.nameAddressHash, 'name_address');
  }
  if (keys.phoneE164) hashes.set(suppressionHash(salt, 'phone', keys.phoneE164), 'phone');
  if (keys.nameKey && keys.addressKey) {
    const { nameAddressHash } = personHashes(salt, {
      phoneE164: null,
      nameKey: keys.nameKey,
      addressKey: keys.addressKey,
    });
    if (nameAddressHash) hashes.set(nameAddressHash, 'name_address');
  }
  const optedOut = await repo.anySuppression(db, [...hashes.keys()]);
  const business = await findBusinessPersonData(db, scope, keys);
  const surveyInvitations = await findSurveyInvitationData(db, scope, keys);

  return {
    prospects,
    tipsAbout,
    calls,
    tasks,
    claims,
    tipsGiven,
    emails,
    users,
    audit,
    optedOut,
    business,
    newcomers,
    newcomerStories,
    surveyInvitations,
    eventRegistrations,
    hashes: [...hashes].map(([hash, kind]) => ({ hash, kind })),
  };
}

export type PersonData = Awaited<ReturnType<typeof collectPersonData>>;

/** Anything held? An opt-out alone is a hash, not data about someone we can show. */
export const foundAnything = (d: PersonData): boolean =>
  d.prospects.length + d.tipsGiven.length + d.emails.length + d.users.length + d.newcomers.length >
    0 ||
  d.surveyInvitations.length > 0 ||
  d.eventRegistrations.length > 0 ||
  d.business.entrepreneurs.length + d.business.employerContacts.length > 0;
