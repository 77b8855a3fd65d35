import type { StartupsIndicator } from '../../../contracts/business.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { businessTranslator } from '../../../web/site/business/text.js';
import type { Db } from '../../db/database.js';
import { newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import type { Scope } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { registerConsentWithdrawal } from '../notifications/consent.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { getRegionById } from '../regions/regions.service.js';
import type { ParsedInquiry } from './startups.form.js';
import * as repo from './startups.repo.js';

/**
 * «Start Her»: an entrepreneur's inquiry from the public form, stored once per form key,
 * acknowledged by email in the same transaction (so the email exists only if the inquiry
 * does), and the count of businesses established as an indicator.
 */
export async function submitInquiry(
  db: Db,
  clock: Clock,
  input: {
    regionId: string;
    regionName: string;
    locale: Locale;
    key: string;
    inquiry: ParsedInquiry;
  },
): Promise<{ created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    const id = newId();
    const { inquiry } = input;
    const created = await repo.insertInquiryOnce(trx, {
      id,
      regionId: input.regionId,
      municipalityCode: inquiry.municipalityCode,
      submitKey: input.key,
      name: inquiry.name,
      email: inquiry.email,
      phoneE164: inquiry.phoneE164,
      idea: inquiry.idea,
      industry: inquiry.industry,
      stage: inquiry.stage,
      helpNeeded: toDbJson(inquiry.help),
      consentAt: now,
      locale: input.locale,
      advisorOrg: null,
      advisorUserId: null,
      notes: null,
      establishedOn: null,
      closedAt: null,
      erasedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) return { created };
    const t = businessTranslator(input.locale);
    await queueEmail(trx, clock, {
      to: inquiry.email,
      subject: t('mail.ackSubject'),
      text: t('mail.ackBody', { name: inquiry.name, region: input.regionName }),
      regionId: input.regionId,
      purpose: `business.inquiry_ack:${id}`,
      consentRef: `entrepreneur:${id}`,
      locale: input.locale,
    });
    await recordAudit(trx, clock.now(), {
      action: 'business.inquiry_received',
      actor: { userId: null, label: 'public form' },
      target: { type: 'entrepreneur_inquiry', id },
      regionId: input.regionId,
      municipalityCode: inquiry.municipalityCode,
    });
    return { created };
  });
}

/** Businesses established in a year, per municipality of the region (no personal data). */
export async function startupsEstablishedIndicator(
  db: Db,
  input: { regionId: string; year: number },
): Promise<StartupsIndicator> {
  const region = await getRegionById(db, input.regionId);
  const counts = new Map(
    (await repo.countEstablished(db, input.regionId, input.year)).map((c) => [
      c.municipalityCode,
      c.n,
    ]),
  );
  const municipalities = region.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    count: counts.get(m.code) ?? 0,
  }));
  return {
    year: input.year,
    total: municipalities.reduce((s, m) => s + m.count, 0),
    municipalities,
  };
}

// Privacy: access export, erasure, retention and consent withdrawal.

/** What is held about a person as an entrepreneur (by exact email or E.164 phone), in scope. */
export async function collectEntrepreneurData(
  db: Db,
  scope: Scope,
  by: { email?: string | undefined; phoneE164?: string | undefined },
) {
  const rows = await repo.findInquiriesOfPerson(db, scope, by);
  const tasks = await repo.findTasks(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    name: r.name,
    email: r.email,
    phone: r.phoneE164,
    idea: r.idea,
    industry: r.industry,
    municipalityCode: r.municipalityCode,
    stage: r.stage,
    helpNeeded: JSON.parse(r.helpNeeded) as string[],
    pipelineStage: r.pipelineStage,
    advisorOrg: r.advisorOrg,
    notes: r.notes,
    consentAt: r.consentAt,
    tasks: tasks
      .filter((t) => t.inquiryId === r.id)
      .map((t) => ({ title: t.title, dueOn: t.dueOn, status: t.status })),
  }));
}

/** Erasure: blanks the inquiries' personal fields (and their tasks); the counts stay true. */
export async function eraseEntrepreneurData(db: Db, ids: string[], at: Date): Promise<number> {
  return repo.eraseInquiries(db, ids, at.toISOString());
}

/** Retention: inquiries closed (established or dropped) more than 24 months ago. */
export const ENTREPRENEUR_RETENTION_MONTHS = 24;

export async function purgeClosedInquiries(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - ENTREPRENEUR_RETENTION_MONTHS);
  const ids = await repo.findClosedBefore(db, cutoff.toISOString());
  const erased = await repo.eraseInquiries(db, ids, clock.now().toISOString());
  if (erased > 0) {
    await recordAudit(db, clock.now(), {
      action: 'business.inquiries_purged',
      actor: { userId: null, label: 'retention' },
      details: { erased },
    });
  }
  return erased;
}

/**
 * Withdrawing consent from the acknowledgement email ends the inquiry at once: the person's
 * data is erased and it leaves the pipeline as dropped. Twice changes nothing.
 */
export function registerEntrepreneurConsent(): void {
  registerConsentWithdrawal({
    prefix: 'entrepreneur',
    async withdraw(db, clock, id) {
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await repo.findInquiry(trx, { regionIds: 'all', municipalityCodes: 'all' }, id);
        if (!row || row.erasedAt) return;
        if (row.pipelineStage !== 'established') {
          await repo.updateInquiry(trx, id, {
            pipelineStage: 'dropped',
            closedAt: row.closedAt ?? at,
          });
        }
        await repo.eraseInquiries(trx, [id], at);
        await recordAudit(trx, clock.now(), {
          action: 'business.inquiry_consent_withdrawn',
          actor: { userId: null, label: 'consent link' },
          target: { type: 'entrepreneur_inquiry', id },
          regionId: row.regionId,
          municipalityCode: row.municipalityCode,
        });
      });
    },
  });
}
