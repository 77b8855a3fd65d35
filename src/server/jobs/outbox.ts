import type { AppDeps } from '../deps.js';
import {
  type DeliveryReport,
  deliverDueEmails,
} from '../modules/notifications/notifications.service.js';
import {
  createSmtpTransport,
  type MailTransport,
} from '../modules/notifications/notifications.transport.js';
import { leaseHolderName, withLease } from './lease.js';

export const OUTBOX_LEASE = 'outbox';

export interface OutboxWorkerOptions {
  intervalMs?: number;
  /** Longer than a round can take (see OUTBOX_POLICY.maxPerRound and the SMTP timeouts). */
  leaseMs?: number;
  /** Tests pass their own; by default SMTP from config.smtpUrl, or none (held mode). */
  transport?: MailTransport | null;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface OutboxWorker {
  /** One round now (also what the timer runs); undefined when another process held the lease. */
  runOnce(): Promise<DeliveryReport | undefined>;
  /** Stops polling, waits for a round in progress, closes the SMTP connections. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox every few seconds and sends what is due. Only the process holding the
 * `outbox` lease sends, so several app processes on one PostgreSQL never send twice.
 */
export function startOutboxWorker(deps: AppDeps, options: OutboxWorkerOptions = {}): OutboxWorker {
  const intervalMs = options.intervalMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const transport =
    options.transport !== undefined
      ? options.transport
      : deps.config.smtpUrl
        ? createSmtpTransport(deps.config.smtpUrl, deps.config.mailFrom)
        : null;
  const holder = leaseHolderName();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DeliveryReport | undefined> | undefined;
  let stopped = false;

  if (!transport) {
    // Expected in development; in production it means nobody gets their email.
    const say = deps.config.env === 'production' ? options.log?.warn : options.log?.info;
    say?.call(
      options.log,
      {},
      'no SMTP_URL: outgoing email is held in the outbox (GET /api/outbox)',
    );
  }

  const round = async () => {
    const outcome = await withLease(deps.db, deps.clock, OUTBOX_LEASE, holder, leaseMs, () =>
      deliverDueEmails(deps.db, deps.clock, transport, {
        publicUrl: deps.config.publicUrl,
        secret: deps.config.sessionSecret,
      }),
    );
    if (!outcome.acquired) return undefined;
    const r = outcome.result;
    if (r.serverUnreachable || r.failed > 0) {
      options.log?.warn({ ...r }, 'outbox: some email could not be sent; it will be retried');
    }
    return r;
  };

  const runOnce = () => {
    // Never two rounds at once in one process: a call during a round shares that round.
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };

  const tick = async () => {
    try {
      await runOnce();
    } catch (error) {
      // A database hiccup must not stop the worker: the next round tries again.
      options.log?.warn({ err: error }, 'outbox round failed');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), intervalMs);
    // The worker alone must not keep the process alive (the HTTP server does that).
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      transport?.close();
    },
  };
}
