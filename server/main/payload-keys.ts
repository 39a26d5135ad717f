/**
 * Where the payload keys come from: PAYLOAD_KEYS / PAYLOAD_KEY_ID when set (always in production), otherwise a
 * key generated on the embedded default's first start into DATA_DIR and reused afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PayloadKeyring } from '../infra/payload-codec.js';
import { StartRefused } from './demo-passwords.js';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** `id1:base64key,id2:base64key`: each key 32 bytes (AES-256), ids unique. */
export const PayloadKeysSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const keys = new Map<string, Buffer>();
    for (const entry of text.split(',').map((part) => part.trim())) {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (at < 1 || !KEY_ID.test(id))
        ctx.addIssue({ code: 'custom', message: `"${id}" is not a key id (id:base64key)` });
      else if (key.length !== 32) ctx.addIssue({ code: 'custom', message: `key ${id} is not 32 bytes of base64` });
      else if (keys.has(id)) ctx.addIssue({ code: 'custom', message: `key ${id} is listed twice` });
      else keys.set(id, key);
    }
    return keys;
  });

/** Builds the keyring from the two settings; the active id defaults to the only key when there is one. */
export function keyringFrom(keys: Map<string, Buffer>, activeKeyId: string | undefined): PayloadKeyring {
  const active = activeKeyId ?? (keys.size === 1 ? [...keys.keys()][0]! : undefined);
  if (!active) throw new Error('PAYLOAD_KEY_ID must name the active key when PAYLOAD_KEYS lists more than one');
  if (!keys.has(active)) throw new Error(`PAYLOAD_KEY_ID ${active} is not one of PAYLOAD_KEYS`);
  return { activeKeyId: active, keys };
}

/** What the key lookup needs from the configuration (config.ts imports this file, not the other way). */
export interface KeySettings {
  env: string;
  dataDir: string;
  payloadKeys: PayloadKeyring | undefined;
}

export const generatedKeyFile = (config: KeySettings): string => path.join(config.dataDir, 'payload-keys');

/**
 * The configured keyring, or on the embedded default the generated one (created once, mode 0600). Production
 * refuses to start without configured keys: a key beside the data it protects protects nothing.
 */
export async function resolvePayloadKeyring(config: KeySettings): Promise<PayloadKeyring> {
  if (config.payloadKeys) return config.payloadKeys;
  if (config.env === 'production') {
    throw new StartRefused(
      'Refusing to start in production without PAYLOAD_KEYS (id:base64key, 32-byte keys) and PAYLOAD_KEY_ID: ' +
        'the Temporal history must be encrypted with keys kept outside the data directory.',
    );
  }
  const file = generatedKeyFile(config);
  await mkdir(config.dataDir, { recursive: true });
  const line = `local-1:${randomBytes(32).toString('base64')}\n`;
  try {
    await writeFile(file, line, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return keyringFrom(PayloadKeysSchema.parse(await readFile(file, 'utf8')), undefined);
}
