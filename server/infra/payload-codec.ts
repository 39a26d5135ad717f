import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultPayloadConverter,
  type DataConverter,
  type LoadedDataConverter,
  type Payload,
  type PayloadCodec,
} from '@temporalio/common';
import { failureConverter } from '../../workflows/failure-converter.js';

/** The `encoding` metadata of an encrypted payload, as the Temporal samples name it. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata entry naming the key a payload was encrypted with, so old keys still decrypt after rotation. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Every key that may still decrypt something, and the one new payloads are encrypted with. */
export interface PayloadKeyring {
  activeKeyId: string;
  /** Key id → 32-byte AES-256 key. */
  keys: ReadonlyMap<string, Buffer>;
}

const ownExtension = path.extname(fileURLToPath(import.meta.url));
/** The module the workflow sandbox and the worker load the failure converter from (see failure-converter.ts). */
export const FAILURE_CONVERTER_PATH = fileURLToPath(
  new URL(`../../workflows/failure-converter${ownExtension}`, import.meta.url),
);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const toBase64 = (bytes: Uint8Array | null | undefined): string =>
  Buffer.from(bytes ?? new Uint8Array()).toString('base64');
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** The whole payload, metadata included (it names the original encoding), as bytes to encrypt. */
function serialise(payload: Payload): Buffer {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, toBase64(v)]));
  return Buffer.from(JSON.stringify({ metadata, data: toBase64(payload.data) }), 'utf8');
}

function deserialise(bytes: Buffer): Payload {
  const parsed = JSON.parse(bytes.toString('utf8')) as { metadata: Record<string, string>; data: string };
  const metadata = Object.fromEntries(Object.entries(parsed.metadata).map(([k, v]) => [k, fromBase64(v)]));
  return { metadata, data: fromBase64(parsed.data) };
}

/**
 * AES-256-GCM over each whole payload with a fresh random IV: data is IV ‖ ciphertext ‖ tag, and the metadata
 * names the key. A payload without the encrypted encoding passes through on decode, so histories recorded
 * before encryption (and the replay fixtures) still read.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {
    if (!keyring.keys.has(keyring.activeKeyId))
      throw new Error(`Payload key ${keyring.activeKeyId} is not in the keyring`);
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.keyring.activeKeyId;
    const key = this.keyring.keys.get(keyId)!;
    return Promise.resolve(
      payloads.map((payload) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const sealed = Buffer.concat([iv, cipher.update(serialise(payload)), cipher.final(), cipher.getAuthTag()]);
        return {
          metadata: { encoding: encoder.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: encoder.encode(keyId) },
          data: new Uint8Array(sealed),
        };
      }),
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    // Inside the promise, so that a missing key or a tampered payload rejects rather than throws.
    return await Promise.all(payloads.map(async (payload) => this.decodeOne(payload)));
  }

  private decodeOne(payload: Payload): Payload {
    const encoding = payload.metadata?.encoding;
    if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
    const idBytes = payload.metadata?.[KEY_ID_METADATA];
    const keyId = idBytes ? decoder.decode(idBytes) : '';
    const key = this.keyring.keys.get(keyId);
    // Refusing is the only safe answer: without the key the payload is unreadable, and guessing would be worse.
    if (!key) throw new Error(`No payload key with id "${keyId}" in the keyring`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    return deserialise(plain);
  }
}

/** For Worker.create, Worker.runReplayHistories and bundleWorkflowCode: the codec plus the failure converter's path. */
export function workerDataConverter(keyring: PayloadKeyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyring)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** For the Client: the same converters, already loaded, so nothing is required by path at run time. */
export function clientDataConverter(keyring: PayloadKeyring): LoadedDataConverter {
  return { payloadConverter: defaultPayloadConverter, failureConverter, payloadCodecs: [new EncryptionCodec(keyring)] };
}
