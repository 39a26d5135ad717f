import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** Where mail goes: a real SMTP server, or `.eml` files for the embedded default. */
export type MailTransportConfig = { kind: 'smtp'; url: string } | { kind: 'files'; dir: string };

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A file name derived from the Message-ID, so sending the same message twice rewrites one file. */
function fileNameFor(messageId: string): string {
  return `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
}

export function buildTransport(config: MailTransportConfig): Mailer {
  if (config.kind === 'smtp') {
    const transport = nodemailer.createTransport(config.url);
    return {
      async send(mail) {
        await transport.sendMail({ ...mail, textEncoding: 'quoted-printable' });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ ...mail, textEncoding: 'quoted-printable' });
      await mkdir(config.dir, { recursive: true });
      await writeFile(path.join(config.dir, fileNameFor(mail.messageId)), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
