import type {
  Indicator,
  MediaEntry,
  MediaEntryInput,
  Programme,
  ProgrammeInput,
} from '../../../contracts/goals.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId, toDbJson, toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, type FieldIssue, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor, listCampaigns } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { checkSource, unitOf } from './goals.binding.js';
import * as repo from './goals.repo.js';

/**
 * A region's programme (main goal, phases, sub-goals with indicators) and its media log.
 * Only the region's own staff reach it: the routes pass the principal's region.
 */

/**
 * The region an action works in: an administrator names it, anyone else works in their own,
 * and naming another region answers like a missing one.
 */
export async function regionOf(db: Db, actor: Actor, asked: string | undefined): Promise<string> {
  const p = actor.principal;
  if (p.role === 'admin') {
    if (!asked) throw invalid([{ field: 'region', message: 'Required for an administrator' }]);
    await getRegionById(db, asked);
    return asked;
  }
  if (asked && asked !== p.regionId) throw notFound('The region');
  if (!p.regionId) throw notFound('The region');
  return p.regionId;
}

/** The dashboard's default: the last five calendar years up to today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  return { from: `${Number(today.slice(0, 4)) - 4}-01-01`, to: today };
}

interface StoredProgramme {
  mainGoal: Programme['mainGoal'];
  phases: Programme['phases'];
  subGoals: Programme['subGoals'];
}

export async function getProgramme(db: Db, regionId: string): Promise<Programme | null> {
  const row = await repo.findProgramme(db, regionId);
  if (!row) return null;
  const doc = fromDbJson<StoredProgramme | null>(row.document, null);
  if (!doc) return null;
  return { regionId, ...doc, updatedAt: row.updatedAt };
}

/** The programme, or an empty one the office can start filling in. */
export async function getProgrammeOrEmpty(db: Db, regionId: string): Promise<Programme> {
  return (
    (await getProgramme(db, regionId)) ?? {
      regionId,
      mainGoal: { nb: '', nn: '', en: '' },
      phases: [],
      subGoals: [],
      updatedAt: null,
    }
  );
}

/** Field rules beyond the shapes: a target needs a period, a binding must exist. */
async function check(db: Db, regionId: string, input: ProgrammeInput): Promise<void> {
  const scope = { regionIds: [regionId], municipalityCodes: 'all' as const };
  const campaignIds = new Set((await listCampaigns(db, scope)).map((c) => c.id));
  const issues: FieldIssue[] = [];
  input.subGoals.forEach((s, i) => {
    s.indicators.forEach((ind, j) => {
      const at = `subGoals.${i}.indicators.${j}`;
      if (ind.period === null) {
        issues.push({ field: `${at}.period`, message: 'A target needs a period (from and to)' });
      }
      issues.push(...checkSource(ind.source, `${at}.source`, campaignIds));
    });
  });
  if (issues.length) throw invalid(issues);
}

/** Saves the whole programme; indicator ids are kept by position so drill-down links last. */
export async function saveProgramme(
  db: Db,
  clock: Clock,
  actor: Actor | null,
  regionId: string,
  input: ProgrammeInput,
): Promise<Programme> {
  await check(db, regionId, input);
  const before = await getProgramme(db, regionId);
  const subGoals = input.subGoals.map((s, i) => {
    const old = before?.subGoals[i];
    return {
      id: old?.id ?? newId(),
      title: s.title,
      indicators: s.indicators.map(
        (ind, j): Indicator => ({
          id: old?.indicators[j]?.id ?? newId(),
          name: ind.name,
          source: ind.source,
          unit: unitOf(ind.source),
          baseline: ind.baseline,
          target: ind.target,
          period: ind.period,
        }),
      ),
    };
  });
  const doc: StoredProgramme = { mainGoal: input.mainGoal, phases: input.phases, subGoals };
  const now = toDbTime(clock.now());
  await repo.upsertProgramme(db, {
    regionId,
    document: toDbJson(doc),
    updatedAt: now,
    updatedBy: actor?.principal.userId ?? null,
  });
  if (actor) {
    await recordAudit(db, clock.now(), {
      action: 'goals.programme_saved',
      ...auditActor(actor),
      regionId,
      details: { subGoals: subGoals.length },
    });
  }
  return { regionId, ...doc, updatedAt: now };
}

// The media log.

export async function listMediaEntries(
  db: Db,
  regionId: string,
  year: number | undefined,
): Promise<MediaEntry[]> {
  const range = year
    ? { from: `${year}-01-01`, to: `${year}-12-31` }
    : { from: '0000-01-01', to: '9999-12-31' };
  return repo.listMedia(db, regionId, range);
}

export async function getMediaEntry(db: Db, regionId: string, id: string): Promise<MediaEntry> {
  const row = await repo.findMedia(db, regionId, id);
  if (!row) throw new AppError('not_found', 'There is no such media entry.');
  return row;
}

export async function addMediaEntry(
  db: Db,
  clock: Clock,
  actor: Actor | null,
  regionId: string,
  input: MediaEntryInput,
): Promise<MediaEntry> {
  const id = newId();
  const now = toDbTime(clock.now());
  await repo.insertMedia(db, {
    id,
    regionId,
    ...input,
    createdBy: actor?.principal.userId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return getMediaEntry(db, regionId, id);
}

export async function updateMediaEntry(
  db: Db,
  clock: Clock,
  regionId: string,
  id: string,
  input: MediaEntryInput,
): Promise<MediaEntry> {
  const found = await repo.updateMedia(db, regionId, id, {
    ...input,
    updatedAt: toDbTime(clock.now()),
  });
  if (!found) throw new AppError('not_found', 'There is no such media entry.');
  return getMediaEntry(db, regionId, id);
}

export async function deleteMediaEntry(db: Db, regionId: string, id: string): Promise<void> {
  if (!(await repo.deleteMedia(db, regionId, id))) {
    throw new AppError('not_found', 'There is no such media entry.');
  }
}
