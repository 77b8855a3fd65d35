import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | undefined;
  from: string;
  /** Raw header values by lower-case name (unfolded), e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
  /** Files sent with the message, as parsed. */
  attachments: { filename: string | undefined; contentType: string; content: Buffer }[];
}

/** Recipients the server refuses, with the SMTP reply code it answers (450 for now, 550 for good). */
export type Refusals = Map<string, number>;

/**
 * A real SMTP server on localhost for tests. It can be stopped and started again on the same
 * port, to play a mail server that goes down and comes back.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly refusals: Refusals = new Map();
  /** Milliseconds the server takes to accept each message: a slow server makes rounds long. */
  acceptDelayMs = 0;
  private server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts the server (on the same port as before, after a stop); does nothing when running. */
  async start(): Promise<this> {
    if (this.server) return this;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Pooled client connections would otherwise keep a stopping server up for 30 s.
      closeTimeout: 200,
      onRcptTo: (address, _session, callback) => {
        const code = this.refusals.get(address.address);
        if (code === undefined) return callback();
        const error = Object.assign(new Error(`Refused by the test server (${code})`), {
          responseCode: code,
        });
        callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.acceptDelayMs) await new Promise((r) => setTimeout(r, this.acceptDelayMs));
            this.received.push(
              toReceived(
                mail,
                session.envelope.rcptTo.map((r) => r.address),
              ),
            );
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function toReceived(mail: ParsedMail, to: string[]): ReceivedMail {
  return {
    to,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    messageId: mail.messageId,
    from: mail.from?.text ?? '',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    headers: Object.fromEntries(
      mail.headerLines.map((h) => [
        h.key,
        h.line
          .slice(h.line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      ]),
    ),
  };
}
