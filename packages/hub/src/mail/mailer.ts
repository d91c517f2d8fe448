import { createTransport } from 'nodemailer';

/** One plain-text mail. Headers are encoded by nodemailer: no header injection through these fields. */
export interface MailMessage {
  /** One address, or several separated by commas. */
  to: string;
  subject: string;
  text: string;
  /** Where answers go (e.g. the person who wrote, when the hub relays a message). */
  replyTo?: string;
}

/**
 * Sends mail through the SMTP server the hub was started with (`--smtp`). Absent from the
 * hub's services when no server is configured: callers check `services.mailer` first, and
 * whatever they mail must also be reachable without mail (the copyable link stays).
 */
export interface Mailer {
  /** The sender address every mail carries. */
  readonly from: string;
  /** Resolves when the SMTP server accepted the mail; rejects when it did not (after a few seconds at most). */
  send(message: MailMessage): Promise<void>;
  /** Closes any open connection (the hub's `stop()` calls it). */
  close(): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS). */
  url: string;
  /** The sender, e.g. `Ufficio di Piano <noreply@piano.example>`; default: the SMTP user when it is an address. */
  from?: string;
  /** Give up on a server that does not answer after this many ms (default 10 s), so a request never hangs. */
  timeoutMs?: number;
}

/** The sender when none was given: the SMTP user name if it is an address, as most providers require. */
export function defaultFrom(url: string): string | undefined {
  const user = decodeURIComponent(new URL(url).username);
  return user.includes('@') ? user : undefined;
}

export function createMailer(options: MailerOptions): Mailer {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`Indirizzo SMTP non valido (smtp:// o smtps://): ${url.protocol}`);
  const from = options.from ?? defaultFrom(options.url);
  if (!from) throw new Error('Manca il mittente delle email: indica --mail-from (o HUB_MAIL_FROM).');
  const timeout = options.timeoutMs ?? 10_000;
  const transport = createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  });
  return {
    from,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, replyTo: message.replyTo });
    },
    close() {
      transport.close();
    },
  };
}
