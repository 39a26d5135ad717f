import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../server/infra/payload-codec.js';
import { loadConfig } from '../../server/main/config.js';
import { StartRefused } from '../../server/main/demo-passwords.js';
import { generatedKeyFile, resolvePayloadKeyring } from '../../server/main/payload-keys.js';
import { TEST_ONLY_KEYRING, TEST_ONLY_ROTATED_KEYRING } from '../support/test-payload-keys.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'loan-keys-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const K1 = 'k1:' + Buffer.alloc(32, 1).toString('base64');
const K2 = 'k2:' + Buffer.alloc(32, 2).toString('base64');
const payload = (text: string) => ({
  metadata: { encoding: new TextEncoder().encode('json/plain') },
  data: new TextEncoder().encode(text),
});

describe('payload keys from configuration', () => {
  it('reads a keyring and its active key', () => {
    const config = loadConfig({ PAYLOAD_KEYS: `${K1}, ${K2}`, PAYLOAD_KEY_ID: 'k2' });

    expect(config.payloadKeys?.activeKeyId).toBe('k2');
    expect([...(config.payloadKeys?.keys.keys() ?? [])]).toEqual(['k1', 'k2']);
  });

  it.each([
    [{ PAYLOAD_KEYS: 'k1:c2hvcnQ=' }, /not 32 bytes/],
    [{ PAYLOAD_KEYS: `${K1},${K1}` }, /listed twice/],
    [{ PAYLOAD_KEYS: `${K1},${K2}` }, /PAYLOAD_KEY_ID must name/],
    [{ PAYLOAD_KEYS: K1, PAYLOAD_KEY_ID: 'k9' }, /k9 is not one of/],
    [{ PAYLOAD_KEYS: Buffer.alloc(32).toString('base64') }, /is not a key id/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('generates a key once into DATA_DIR (mode 0600) on the embedded default and reuses it', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });

    const first = await resolvePayloadKeyring(config);
    const second = await resolvePayloadKeyring(config);

    expect((await stat(generatedKeyFile(config))).mode & 0o777).toBe(0o600);
    expect(second.keys.get(second.activeKeyId)).toEqual(first.keys.get(first.activeKeyId));
    expect(await readFile(generatedKeyFile(config), 'utf8')).toMatch(/^local-1:[A-Za-z0-9+/]{43}=\n$/);
  });

  it('refuses to generate one in production', async () => {
    await expect(resolvePayloadKeyring(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }))).rejects.toThrow(
      StartRefused,
    );
  });
});

describe('the encryption codec', () => {
  it('encrypts each payload, names its key, and decrypts it again', async () => {
    const codec = new EncryptionCodec(TEST_ONLY_KEYRING);

    const [encoded] = await codec.encode([payload('{"fullName":"Nguyễn Văn Ánh"}')]);
    const [decoded] = await codec.decode([encoded!]);

    expect(new TextDecoder().decode(encoded!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(new TextDecoder().decode(encoded!.metadata![KEY_ID_METADATA])).toBe('test-only-k1');
    expect(Buffer.from(encoded!.data!).includes(Buffer.from('Nguyễn'))).toBe(false);
    expect(new TextDecoder().decode(decoded!.data!)).toBe('{"fullName":"Nguyễn Văn Ánh"}');
    expect(new TextDecoder().decode(decoded!.metadata!.encoding)).toBe('json/plain');
  });

  it('uses a fresh IV each time, so equal payloads do not look equal', async () => {
    const codec = new EncryptionCodec(TEST_ONLY_KEYRING);

    const [a, b] = await codec.encode([payload('same'), payload('same')]);

    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('passes a payload without encryption metadata through, and refuses a tampered one', async () => {
    const codec = new EncryptionCodec(TEST_ONLY_ROTATED_KEYRING);
    const [encoded] = await codec.encode([payload('"x"')]);
    encoded!.data![20] = encoded!.data![20]! ^ 1;

    expect(await codec.decode([payload('"plain"')])).toEqual([payload('"plain"')]);
    await expect(codec.decode([encoded!])).rejects.toThrow();
  });
});
