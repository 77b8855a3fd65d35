import { z } from 'zod';
import type {
  OutboxList,
  OutboxListQuery,
  OutboxMessage,
  OutboxMessageSummary,
  OutboxStatus,
} from '../../../contracts/notifications.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { newId, toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type ConsentSendOptions, isConsentRef, withConsentFooter } from './consent.js';
import * as repo from './notifications.repo.js';
import {
  MailSendError,
  type MailTransport,
  type OutgoingEmail,
} from './notifications.transport.js';

/**
 * When the mail server refuses a message for now (4xx), retries double from 30 s up to an
 * hour, and after 10 offers (about three hours) the message fails: it needs a person to look
 * at it (it stays in the outbox with its last error). When the server cannot be reached at
 * all, the message was never offered: that costs it no attempt, it is simply tried again a
 * minute later, for up to three days, so an outage over a weekend loses nothing. A round
 * stops at the first unreachable failure, so a dead server gets one connection per round.
 */
export const OUTBOX_POLICY = {
  maxAttempts: 10,
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
  unreachableRetryMs: 60_000,
  maxAgeMs: 3 * 24 * 60 * 60_000,
  /** Messages taken from the table at a time. */
  batchSize: 20,
  /** At most this many sent in one round, so a round stays well inside the worker's lease. */
  maxPerRound: 200,
} as const;

/** Delay before the next offer, after `failedAttempts` refused ones (1, 2, …). */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(OUTBOX_POLICY.firstRetryMs * 2 ** exponent, OUTBOX_POLICY.maxRetryMs);
}

export interface QueueEmailInput {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  regionId?: string | undefined;
  /** Which module and record made the message, e.g. `accounts.invitation:<userId>`. */
  purpose: string;
  /**
   * The record the message is about, `<prefix>:<id>` (see consent.ts): the message then
   * carries a one-click link that withdraws that record's consent.
   */
  consentRef?: string | undefined;
  /** The language the message is written in (default bokmål); the footer follows it. */
  locale?: Locale | undefined;
  /** Files sent with the message, stored with it in the same transaction. */
  attachments?: EmailAttachment[] | undefined;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Limits on files: the outbox keeps them in the database until the message is purged, and
 * mail servers commonly refuse messages over 10–25 MB (base64 adds a third).
 */
export const ATTACHMENT_LIMITS = { maxFiles: 10, maxTotalBytes: 10 * 1024 * 1024 } as const;

/** A plain file name: no path, no control characters or quotes that could break a header. */
const SAFE_FILENAME = /^[^\\/\p{Cc}"<>:|?*]{1,200}$/u;
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i;

function checkAttachments(attachments: EmailAttachment[], issues: FieldIssue[]): void {
  if (attachments.length > ATTACHMENT_LIMITS.maxFiles) {
    issues.push({ field: 'attachments', message: `At most ${ATTACHMENT_LIMITS.maxFiles} files` });
  }
  let total = 0;
  attachments.forEach((a, i) => {
    if (!SAFE_FILENAME.test(a.filename) || a.filename.startsWith('.')) {
      issues.push({ field: `attachments.${i}.filename`, message: 'A plain file name' });
    }
    if (!CONTENT_TYPE.test(a.contentType)) {
      issues.push({ field: `attachments.${i}.contentType`, message: 'A content type' });
    }
    if (!Buffer.isBuffer(a.bytes) || a.bytes.length === 0) {
      issues.push({ field: `attachments.${i}.bytes`, message: 'Required' });
    } else total += a.bytes.length;
  });
  if (total > ATTACHMENT_LIMITS.maxTotalBytes) {
    issues.push({ field: 'attachments', message: 'At most 10 MB in all' });
  }
}

const EmailAddressSchema = z.email();

function checkEmail(input: QueueEmailInput): void {
  const issues: FieldIssue[] = [];
  if (!EmailAddressSchema.safeParse(input.to).success) {
    issues.push({ field: 'to', message: 'Not an email address' });
  }
  // A line break in a header would let text become a header of its own.
  if (input.subject.trim() === '' || /[\r\n]/.test(input.subject)) {
    issues.push({ field: 'subject', message: 'One non-empty line' });
  }
  if (input.text.trim() === '') issues.push({ field: 'text', message: 'Required' });
  if (input.purpose.trim() === '') issues.push({ field: 'purpose', message: 'Required' });
  if (input.consentRef !== undefined && !isConsentRef(input.consentRef)) {
    issues.push({ field: 'consentRef', message: 'Must be <prefix>:<id>' });
  }
  if (input.attachments) checkAttachments(input.attachments, issues);
  if (issues.length > 0) throw invalid(issues);
}

/**
 * Puts a message in the outbox. Call it with the transaction of the change the mail is about:
 * the message then exists only if that change committed, and the worker sends it after.
 */
export async function queueEmail(db: Db, clock: Clock, input: QueueEmailInput): Promise<string> {
  checkEmail(input);
  const files = input.attachments ?? [];
  // A message with files is written whole or not at all: the worker must never find the
  // message without its files.
  if (files.length > 0 && !db.isTransaction) {
    return db.transaction().execute((trx) => insertMessage(trx, clock, input, files));
  }
  return insertMessage(db, clock, input, files);
}

async function insertMessage(
  db: Db,
  clock: Clock,
  input: QueueEmailInput,
  files: EmailAttachment[],
): Promise<string> {
  const now = toDbTime(clock.now());
  const id = newId();
  await repo.insertOutboxMessage(db, {
    id,
    toAddress: input.to,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
    regionId: input.regionId ?? null,
    purpose: input.purpose,
    consentRef: input.consentRef ?? null,
    locale: input.locale ?? null,
  });
  await repo.insertOutboxAttachments(
    db,
    files.map((f, position) => ({
      id: newId(),
      messageId: id,
      position,
      filename: f.filename,
      contentType: f.contentType,
      bytes: f.bytes,
    })),
  );
  return id;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
  /** True when the round stopped early because the mail server could not be reached. */
  serverUnreachable: boolean;
}

/**
 * Sends what is due. Without a transport (no SMTP_URL) due messages are held for an admin to
 * read instead. Each message is updated in its own statement right after its attempt, so a
 * crash loses at most the record of one send (and then it is sent again: at least once).
 */
export async function deliverDueEmails(
  db: Db,
  clock: Clock,
  transport: MailTransport | null,
  consent?: ConsentSendOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    sent: 0,
    retrying: 0,
    failed: 0,
    held: 0,
    serverUnreachable: false,
  };
  if (!transport) {
    report.held = await repo.holdDueMessages(db, toDbTime(clock.now()));
    return report;
  }
  let handled = 0;
  while (handled < OUTBOX_POLICY.maxPerRound && !report.serverUnreachable) {
    const due = await repo.findDueMessages(db, toDbTime(clock.now()), OUTBOX_POLICY.batchSize);
    if (due.length === 0) break;
    for (const message of due) {
      handled++;
      const { outcome, unreachable } = await attempt(db, clock, transport, message, consent);
      report[outcome]++;
      if (unreachable) {
        // The rest would fail the same way; they stay due and are tried next round.
        report.serverUnreachable = true;
        break;
      }
    }
  }
  return report;
}

async function attempt(
  db: Db,
  clock: Clock,
  transport: MailTransport,
  message: repo.OutboxRow,
  consent: ConsentSendOptions | undefined,
): Promise<{ outcome: 'sent' | 'retrying' | 'failed'; unreachable: boolean }> {
  const files = await repo.findAttachments(db, message.id);
  const attachments = files.map((f) => ({
    filename: f.filename,
    contentType: f.contentType,
    content: Buffer.from(f.bytes),
  }));
  try {
    await transport.send({
      ...outgoing(message, consent),
      ...(attachments.length ? { attachments } : {}),
    });
  } catch (error) {
    const failure =
      error instanceof MailSendError ? error : new MailSendError(String(error), 'unreachable');
    const change = afterFailure(message, failure, clock.now());
    await repo.markMessageAttemptFailed(db, message.id, change);
    return {
      outcome: change.status === 'failed' ? 'failed' : 'retrying',
      unreachable: failure.kind === 'unreachable',
    };
  }
  await repo.markMessageSent(db, message.id, {
    attempts: message.attempts + 1,
    sentAt: toDbTime(clock.now()),
  });
  return { outcome: 'sent', unreachable: false };
}

/** The message as sent: with the consent footer and headers when it is about a record. */
function outgoing(message: repo.OutboxRow, consent: ConsentSendOptions | undefined): OutgoingEmail {
  const base = { id: message.id, to: message.toAddress, subject: message.subject };
  const body = { text: message.textBody, html: message.htmlBody };
  if (!message.consentRef || !consent) return { ...base, ...body };
  return { ...base, ...withConsentFooter(body, message.consentRef, message.locale, consent) };
}

/** What a failed send does to the message (see OUTBOX_POLICY). */
function afterFailure(message: repo.OutboxRow, failure: MailSendError, now: Date) {
  if (failure.kind === 'unreachable') {
    const tooOld = now.getTime() - Date.parse(message.createdAt) >= OUTBOX_POLICY.maxAgeMs;
    return {
      status: tooOld ? ('failed' as const) : ('pending' as const),
      attempts: message.attempts,
      nextAttemptAt: toDbTime(new Date(now.getTime() + OUTBOX_POLICY.unreachableRetryMs)),
      error: `The mail server could not be reached: ${failure.message}`,
    };
  }
  const attempts = message.attempts + 1;
  const giveUp = failure.kind === 'permanent' || attempts >= OUTBOX_POLICY.maxAttempts;
  return {
    status: giveUp ? ('failed' as const) : ('pending' as const),
    attempts,
    nextAttemptAt: toDbTime(new Date(now.getTime() + retryDelayMs(attempts))),
    error: failure.message,
  };
}

function toSummary(row: repo.OutboxSummaryRow): OutboxMessageSummary {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    regionId: row.regionId,
    purpose: row.purpose,
  };
}

/** Who reads the outbox: addresses and texts are personal data, so every read is audited. */
export interface OutboxReader {
  userId: string;
  email: string;
  ip: string | null;
}

/** The outbox, newest first, for an administrator. */
export async function listOutbox(
  db: Db,
  clock: Clock,
  reader: OutboxReader,
  query: OutboxListQuery,
): Promise<OutboxList> {
  const { rows, total } = await repo.findOutboxMessages(db, {
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  await recordAudit(db, clock.now(), {
    action: 'outbox.list',
    actor: { userId: reader.userId, label: reader.email },
    ip: reader.ip,
    details: { status: query.status ?? null, page: query.page, returned: rows.length },
  });
  return { messages: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getOutboxMessage(
  db: Db,
  clock: Clock,
  reader: OutboxReader,
  id: string,
): Promise<OutboxMessage> {
  const row = await repo.findOutboxMessageById(db, id);
  if (!row) throw notFound('The message');
  await recordAudit(db, clock.now(), {
    action: 'outbox.read',
    actor: { userId: reader.userId, label: reader.email },
    target: { type: 'outbox_message', id: row.id },
    regionId: row.regionId,
    ip: reader.ip,
    details: { purpose: row.purpose },
  });
  return { ...toSummary(row), text: row.textBody, html: row.htmlBody };
}
