import type { StartPage } from '../../../contracts/newcomers.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { listUpcomingEvents } from '../events/events.service.js';
import { listTasks, todayInOslo } from '../followup/tasks.service.js';
import type { Actor } from '../referral/campaigns.service.js';
import { addDays, overdueTasks } from './checklists.service.js';
import { listMatches } from './matches.service.js';
import { listNewcomers } from './newcomers.service.js';

/** Registrations of the last two weeks count as new on the start page. */
const NEW_FOR_DAYS = 14;

/**
 * The host's start page in one answer: follow-up tasks due today or overdue (from calling
 * days and by hand), new registrations and open conversion proposals, overdue checklist
 * items, and upcoming events in their municipalities. Each part is scoped by the module
 * that owns it, and each read is audited there.
 */
export async function getStartPage(
  db: Db,
  clock: Clock,
  actor: Actor,
  locale: Locale,
): Promise<StartPage> {
  const now = clock.now();
  const today = todayInOslo(now);
  const followUp = await listTasks(db, clock, actor, { status: 'open' });
  const tasks = followUp.tasks
    .filter((t) => t.dueOn <= today)
    .slice(0, 50)
    .map((t) => ({
      id: t.id,
      kind: t.kind,
      dueOn: t.dueOn,
      overdue: t.overdue,
      prospectName: t.prospect.name,
      campaignName: t.campaignName,
    }));
  const since = `${addDays(today, -NEW_FOR_DAYS)}T00:00:00.000Z`;
  const fresh = await listNewcomers(db, clock, actor, { status: 'all', createdSince: since });
  const { matches } = await listMatches(db, clock, actor);
  return {
    today,
    tasks,
    newRegistrations: fresh.newcomers.slice(0, 50),
    matches: matches.slice(0, 50),
    overdueChecklist: (await overdueTasks(db, actor, now)).slice(0, 50),
    events: await upcomingEvents(db, actor, now, locale),
  };
}

/** Published events from now on, in the host's municipalities (an admin has no region: none). */
async function upcomingEvents(db: Db, actor: Actor, now: Date, locale: Locale) {
  const { regionId, role, municipalityCodes } = actor.principal;
  if (!regionId) return [];
  const events = await listUpcomingEvents(db, {
    regionId,
    municipalityCodes: role === 'host' ? municipalityCodes : null,
    from: now,
    limit: 10,
  });
  return events
    .filter((e) => !e.cancelled)
    .map((e) => ({
      id: e.id,
      title: e.title[locale] ?? e.title.nb ?? '',
      startsAt: e.startsAt,
      municipalityCode: e.municipalityCode,
    }));
}
