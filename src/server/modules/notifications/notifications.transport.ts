import { createTransport } from 'nodemailer';

export interface OutgoingEmail {
  /** The outbox id; also the Message-ID, so a receiver can drop a duplicate after a crash. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
  /** Files sent with the message, in order. */
  attachments?: OutgoingAttachment[] | undefined;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Why a send failed, which decides what the outbox does next:
 * - unreachable: the mail server (or our login to it) is the problem, not the message: retry
 *   later and stop this round, the other messages would fail the same way
 * - temporary: the server refused this message for now (4xx): retry it later
 * - permanent: the server refused this message for good (5xx): do not retry
 */
export type SendFailureKind = 'unreachable' | 'temporary' | 'permanent';

export class MailSendError extends Error {
  constructor(
    message: string,
    readonly kind: SendFailureKind,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

export interface MailTransport {
  /** Resolves when the server accepted the message; throws MailSendError otherwise. */
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  message?: string;
}

/** Sorts a nodemailer error by whose fault it is (see SendFailureKind). */
export function classifySendError(error: unknown): MailSendError {
  const e = (error ?? {}) as NodemailerError;
  const message = (e.message ?? String(error)).slice(0, 500);
  const rc = e.responseCode;
  // Only a reply about this message's envelope or content says anything about the message;
  // a refused login (535) or a dead connection says something about the server.
  const aboutMessage = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  if (aboutMessage && rc !== undefined && rc !== 421) {
    if (rc >= 500 && rc < 600 && rc !== 503) return new MailSendError(message, 'permanent');
    return new MailSendError(message, 'temporary');
  }
  return new MailSendError(message, 'unreachable');
}

const domainOf = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? 'flytthit.local';

/**
 * SMTP from the configured URL (smtp://user:pass@host:587, smtps://… for implicit TLS).
 * Timeouts are short so one unreachable server cannot hold the outbox lease for long.
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = domainOf(from);
  return {
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
          ...(message.attachments?.length
            ? {
                attachments: message.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.content,
                })),
              }
            : {}),
          messageId: `<${message.id}@${domain}>`,
        });
      } catch (error) {
        throw classifySendError(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}
