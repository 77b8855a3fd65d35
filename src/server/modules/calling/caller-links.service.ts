import qrcode from 'qrcode-generator';
import type {
  CallerLink,
  CallerLinkCreate,
  CallerLinkStatus,
  CreatedCallerLink,
} from '../../../contracts/caller-links.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { type Principal, scopeOf } from '../../plugins/access.js';
import {
  consumeOneTimeToken,
  issueOneTimeToken,
  peekOneTimeToken,
  retireOneTimeTokensOf,
} from '../accounts/one-time-tokens.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashSecret } from '../auth/secrets.js';
import { type SessionMeta, type StartedSession, startSession } from '../auth/session.service.js';
import { getCampaign } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { setUserDisabled } from '../users/manage-users.service.js';
import { createUser, findUserById } from '../users/users.service.js';
import { linkExpiry } from './caller-links.expiry.js';
import * as repo from './caller-links.repo.js';

/** Who acts in the office, for scope and the audit log. */
export interface Actor {
  principal: Principal;
  ip: string | null;
}

const auditActor = (actor: Actor) => ({
  actor: { userId: actor.principal.userId, label: actor.principal.email },
  ip: actor.ip,
});

/** What the link row keeps about the volunteer; purged with the row a day after use. */
interface LinkData {
  campaignId: string;
  municipalityCode: string;
  phone: string | null;
  email: string | null;
}

function statusOf(row: repo.CallerLinkRow, now: Date): CallerLinkStatus {
  if (row.disabledAt) return 'revoked';
  if (row.usedAt) return 'used';
  if (!row.expiresAt || row.expiresAt <= now.toISOString()) return 'expired';
  return 'unused';
}

function toLink(row: repo.CallerLinkRow, now: Date): CallerLink {
  const data = fromDbJson<Partial<LinkData> | null>(row.tokenData, null);
  const status = statusOf(row, now);
  return {
    callerId: row.callerId,
    campaignId: row.campaignId,
    name: row.name,
    municipalityCode: row.municipalityCode ?? '',
    phone: data?.phone ?? null,
    email: data?.email ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    // A revoked link was retired at the revocation, not used.
    usedAt: status === 'revoked' ? null : row.usedAt,
    status,
  };
}

export const callerLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/ring/${token}`;

function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}

/** A referral campaign the actor may run, and the municipalities of its region. */
async function campaignAndMunicipalities(db: Db, actor: Actor, campaignId: string) {
  const campaign = await getCampaign(db, scopeOf(actor.principal), campaignId);
  if (campaign.kind !== 'referral') throw notFound('The campaign');
  const region = await getRegionById(db, campaign.regionId);
  return { campaign, codes: new Set(region.municipalities.map((m) => m.code)) };
}

/**
 * A volunteer's way in: a caller account for one municipality and campaign (no password,
 * no email of its own) and a one-time link that signs its holder in once. The link is
 * returned only here; the database keeps its hash.
 */
export async function createCallerLink(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  input: CallerLinkCreate,
  publicUrl: string,
): Promise<CreatedCallerLink> {
  const { campaign, codes } = await campaignAndMunicipalities(db, actor, campaignId);
  if (campaign.status === 'closed') throw conflict('The campaign is closed.');
  if (!codes.has(input.municipalityCode)) {
    throw invalid([
      { field: 'municipalityCode', message: "Not a municipality of the campaign's region" },
    ]);
  }
  const now = clock.now();
  const expiresAt = linkExpiry(now, campaign.callingDays, input.expiresAt);
  return db.transaction().execute(async (trx) => {
    const callerId = await createUser(trx, clock, {
      email: `caller-${newId()}@callers.invalid`,
      name: input.name,
      role: 'caller',
      regionId: campaign.regionId,
      municipalityCodes: [input.municipalityCode],
      campaignId,
    });
    const data: LinkData = {
      campaignId,
      municipalityCode: input.municipalityCode,
      phone: input.phone || null,
      email: input.email ?? null,
    };
    const { token } = await issueOneTimeToken(trx, clock, {
      purpose: 'caller_link',
      userId: callerId,
      data,
      ttlMs: expiresAt.getTime() - now.getTime(),
    });
    await recordAudit(trx, now, {
      action: 'calling.caller_link_created',
      ...auditActor(actor),
      target: { type: 'user', id: callerId },
      regionId: campaign.regionId,
      municipalityCode: input.municipalityCode,
      details: { campaignId, expiresAt: expiresAt.toISOString() },
    });
    const [row] = await repo.findCallerLinks(trx, scopeOf(actor.principal), {
      campaignId,
      callerId,
    });
    const url = callerLinkUrl(publicUrl, token);
    return { link: toLink(row!, now), url, qrSvg: qrSvg(url) };
  });
}

/** The campaign's callers and their links, newest first; the volunteers' names are audited. */
export async function listCallerLinks(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
): Promise<CallerLink[]> {
  const { campaign } = await campaignAndMunicipalities(db, actor, campaignId);
  const now = clock.now();
  const rows = await repo.findCallerLinks(db, scopeOf(actor.principal), { campaignId });
  await recordAudit(db, now, {
    action: 'calling.caller_links_listed',
    ...auditActor(actor),
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    details: { returned: rows.length },
  });
  return rows.map((r) => toLink(r, now));
}

/**
 * Takes a volunteer off the calling: their account is disabled (which signs them out
 * everywhere), an unused link stops working, and whoever they held goes back to the list.
 */
export async function revokeCallerLink(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  callerId: string,
): Promise<CallerLink> {
  const { campaign } = await campaignAndMunicipalities(db, actor, campaignId);
  const scope = scopeOf(actor.principal);
  const [row] = await repo.findCallerLinks(db, scope, { campaignId, callerId });
  if (!row) throw notFound('The caller');
  if (!row.disabledAt) {
    await retireOneTimeTokensOf(db, clock, callerId, ['caller_link']);
    await setUserDisabled(db, clock, { kind: 'user', ...actor }, callerId, true);
    const claimsReleased = await repo.releaseOpenClaimsOf(db, callerId, clock.now().toISOString());
    await recordAudit(db, clock.now(), {
      action: 'calling.caller_link_revoked',
      ...auditActor(actor),
      target: { type: 'user', id: callerId },
      regionId: campaign.regionId,
      municipalityCode: row.municipalityCode,
      details: { campaignId, claimsReleased },
    });
  }
  const [after] = await repo.findCallerLinks(db, scope, { campaignId, callerId });
  return toLink(after!, clock.now());
}

/** Why a link did not sign anyone in: 'unknown' (404) or 'gone' (used, expired, revoked: 410). */
export class CallerLinkRefused extends Error {
  constructor(readonly reason: 'unknown' | 'gone') {
    super(`caller link ${reason}`);
  }
  get status(): number {
    return this.reason === 'unknown' ? 404 : 410;
  }
}

/**
 * Whether a caller link would let someone in, without using it: the page a link opens asks
 * for a tap first, because message apps open links to preview them and would spend it.
 */
export async function checkCallerLink(db: Db, clock: Clock, token: string): Promise<void> {
  const live = await peekOneTimeToken(db, clock, ['caller_link'], token);
  if (live?.userId) return;
  const known = await repo.callerLinkExists(db, hashSecret(token));
  throw new CallerLinkRefused(known ? 'gone' : 'unknown');
}

/**
 * Uses a caller link up and starts the volunteer's session, in one transaction: two phones
 * opening the same link cannot both get in. Callers have no second factor to give.
 */
export async function redeemCallerLink(
  db: Db,
  clock: Clock,
  token: string,
  meta: SessionMeta,
): Promise<StartedSession> {
  try {
    return await db.transaction().execute(async (trx) => {
      const used = await consumeOneTimeToken<LinkData>(trx, clock, ['caller_link'], token);
      if (!used?.userId) {
        const known = await repo.callerLinkExists(trx, hashSecret(token));
        throw new CallerLinkRefused(known ? 'gone' : 'unknown');
      }
      const user = await findUserById(trx, used.userId);
      if (!user || user.disabledAt || user.role !== 'caller') throw new CallerLinkRefused('gone');
      const session = await startSession(trx, clock, user.id, {
        ...meta,
        mfaDone: true,
        method: 'caller_link',
      });
      await recordAudit(trx, clock.now(), {
        action: 'calling.caller_link_redeemed',
        actor: { userId: user.id, label: user.email },
        target: { type: 'user', id: user.id },
        regionId: user.regionId,
        municipalityCode: used.data?.municipalityCode ?? null,
        ip: meta.ip,
        details: { campaignId: user.campaignId },
      });
      return session;
    });
  } catch (error) {
    if (error instanceof CallerLinkRefused) {
      await recordAudit(db, clock.now(), {
        action: 'calling.caller_link_redeemed',
        outcome: 'failure',
        actor: { userId: null, label: 'anonymous' },
        ip: meta.ip,
        details: { reason: error.reason },
      });
    }
    throw error;
  }
}
