import type {
  Campaign,
  CampaignCreate,
  CampaignPatch,
  CampaignTexts,
  FrontImageUpload,
} from '../../../contracts/referral.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, type FieldIssue, invalid, notFound } from '../../errors.js';
import { type Principal, type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './campaigns.repo.js';
import { foldName } from './normalise.js';
import { checkImage } from './postcards.pdf.js';

/** Who does something in the office, for scope and the audit log. */
export interface Actor {
  principal: Principal;
  ip: string | null;
}

export const auditActor = (actor: Actor) => ({
  actor: { userId: actor.principal.userId, label: actor.principal.email },
  ip: actor.ip,
});

export function toCampaign(row: repo.CampaignRow): Campaign {
  return {
    id: row.id,
    regionId: row.regionId,
    slug: row.slug,
    name: row.name,
    kind: row.kind as Campaign['kind'],
    status: row.status as Campaign['status'],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    callingDays: fromDbJson<string[]>(row.callingDays, []),
    texts: fromDbJson<CampaignTexts>(row.texts, { nb: { title: row.name, intro: '' } }),
    postcardMessage: row.postcardMessage,
    postcardLocale: row.postcardLocale as Campaign['postcardLocale'],
    callScript: row.callScript,
    targets: fromDbJson<Campaign['targets']>(row.targets, {}),
    callingHours: fromDbJson<Campaign['callingHours']>(row.callingHours, null),
    hasFrontImage: Number(row.hasImage) === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listCampaigns(db: Db, scope: Scope): Promise<Campaign[]> {
  return (await repo.findCampaigns(db, scope)).map(toCampaign);
}

/** A campaign the scope may see; another region's answers 404 like a missing one. */
export async function getCampaign(db: Db, scope: Scope, id: string): Promise<Campaign> {
  const row = await repo.findCampaign(db, scope, id);
  if (!row) throw notFound('The campaign');
  return toCampaign(row);
}

const slugOf = (name: string) =>
  foldName(name)
    .replaceAll(' ', '-')
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 64) || 'kampanje';

function checkPeriod(startsOn: string, endsOn: string): FieldIssue[] {
  return endsOn < startsOn ? [{ field: 'endsOn', message: 'Ends before it starts' }] : [];
}

function regionFor(actor: Actor, requested: string | undefined): string {
  const { principal } = actor;
  if (principal.role === 'admin') {
    if (!requested)
      throw invalid([{ field: 'regionId', message: 'Required for an administrator' }]);
    return requested;
  }
  if (requested && requested !== principal.regionId) {
    throw invalid([{ field: 'regionId', message: 'Not your region' }]);
  }
  if (!principal.regionId) throw new AppError('forbidden', 'You belong to no region.');
  return principal.regionId;
}

export async function createCampaign(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: CampaignCreate,
): Promise<Campaign> {
  const regionId = regionFor(actor, input.regionId);
  const issues = checkPeriod(input.startsOn, input.endsOn);
  if (issues.length) throw invalid(issues);
  const slug = input.slug ?? slugOf(input.name);
  return db.transaction().execute(async (trx) => {
    if (await repo.slugTaken(trx, regionId, slug)) {
      throw conflict('Another campaign of the region has this address.', { field: 'slug' });
    }
    const id = newId();
    const now = clock.now().toISOString();
    await repo.insertCampaign(trx, {
      id,
      regionId,
      slug,
      name: input.name,
      kind: input.kind,
      status: input.status,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      callingDays: toDbJson(input.callingDays),
      texts: toDbJson(input.texts),
      postcardMessage: input.postcardMessage,
      postcardLocale: input.postcardLocale,
      callScript: input.callScript,
      targets: toDbJson(input.targets),
      callingHours: input.callingHours ? toDbJson(input.callingHours) : null,
      createdBy: actor.principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, clock.now(), {
      action: 'campaign.created',
      ...auditActor(actor),
      target: { type: 'campaign', id },
      regionId,
      details: { kind: input.kind, status: input.status },
    });
    return getCampaign(trx, scopeOf(actor.principal), id);
  });
}

export async function updateCampaign(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: CampaignPatch,
): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    const current = await getCampaign(trx, scopeOf(actor.principal), id);
    const issues = checkPeriod(patch.startsOn ?? current.startsOn, patch.endsOn ?? current.endsOn);
    if (issues.length) throw invalid(issues);
    if (patch.slug && (await repo.slugTaken(trx, current.regionId, patch.slug, id))) {
      throw conflict('Another campaign of the region has this address.', { field: 'slug' });
    }
    const { callingDays, texts, targets, callingHours, ...plain } = patch;
    await repo.updateCampaign(trx, id, {
      ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)),
      ...(callingDays ? { callingDays: toDbJson(callingDays) } : {}),
      ...(texts ? { texts: toDbJson(texts) } : {}),
      ...(targets ? { targets: toDbJson(targets) } : {}),
      // null puts the default hours back; absent leaves them as they are.
      ...(callingHours !== undefined
        ? { callingHours: callingHours ? toDbJson(callingHours) : null }
        : {}),
      updatedAt: clock.now().toISOString(),
    });
    await recordAudit(trx, clock.now(), {
      action: 'campaign.updated',
      ...auditActor(actor),
      target: { type: 'campaign', id },
      regionId: current.regionId,
      details: { fields: Object.keys(patch) },
    });
    return getCampaign(trx, scopeOf(actor.principal), id);
  });
}

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The card's front: a PNG or JPEG that pdfkit can print, at most 2 MB; refused with the reason. */
export async function setFrontImage(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  upload: FrontImageUpload,
): Promise<Campaign> {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw invalid([{ field: 'dataBase64', message: 'The image is larger than 2 MB' }]);
  }
  const problem = await checkImage(bytes, upload.contentType);
  if (problem) throw invalid([{ field: 'dataBase64', message: problem }]);
  return db.transaction().execute(async (trx) => {
    const current = await getCampaign(trx, scopeOf(actor.principal), id);
    await repo.updateCampaign(trx, id, {
      frontImage: bytes,
      frontImageType: upload.contentType,
      updatedAt: clock.now().toISOString(),
    });
    await recordAudit(trx, clock.now(), {
      action: 'campaign.front_image_set',
      ...auditActor(actor),
      target: { type: 'campaign', id },
      regionId: current.regionId,
      details: { bytes: bytes.length, contentType: upload.contentType },
    });
    return getCampaign(trx, scopeOf(actor.principal), id);
  });
}

export async function getFrontImage(db: Db, scope: Scope, id: string) {
  await getCampaign(db, scope, id);
  const image = await repo.findFrontImage(db, id);
  if (!image) throw notFound('The image');
  return image;
}

/** For the postcards: the image bytes of a campaign already checked to be in scope. */
export const findFrontImageOf = (db: Db, id: string) => repo.findFrontImage(db, id);

/** A campaign that takes tips now; a closed one answers 410, a draft or unknown one 404. */
export async function getCampaignTakingTips(
  db: Db,
  by: { id: string } | { regionId: string; slug: string },
): Promise<Campaign> {
  const row = await repo.findPublicCampaign(db, by);
  if (row?.kind !== 'referral' || row.status === 'draft') throw notFound('The campaign');
  if (row.status === 'closed') throw new AppError('gone', 'The campaign is over.');
  return toCampaign(row);
}

export async function listOpenCampaigns(db: Db, regionId: string): Promise<Campaign[]> {
  return (await repo.findOpenCampaigns(db, regionId)).map(toCampaign);
}
