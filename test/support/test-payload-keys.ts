/**
 * TEST-ONLY payload keys, published here on purpose: the test stack encrypts with them and the recorded
 * encrypted history (test/histories/encrypted-test-only-key-*.json) was written with TEST_ONLY_K1. Never
 * configure them anywhere else; a real deployment sets its own PAYLOAD_KEYS.
 */
import type { PayloadKeyring } from '../../server/infra/payload-codec.js';

export const TEST_ONLY_K1 = Buffer.from('VEVTVC1PTkxZIGtleSAxIGZvciB0ZXN0IHN0YWNrISE=', 'base64');
export const TEST_ONLY_K2 = Buffer.from('VEVTVC1PTkxZIGtleSAyIGFmdGVyIHJvdGF0aW9uISE=', 'base64');

export const TEST_ONLY_KEYRING: PayloadKeyring = {
  activeKeyId: 'test-only-k1',
  keys: new Map([['test-only-k1', TEST_ONLY_K1]]),
};

/** After rotation: k2 encrypts, k1 stays to decrypt what it wrote. */
export const TEST_ONLY_ROTATED_KEYRING: PayloadKeyring = {
  activeKeyId: 'test-only-k2',
  keys: new Map([
    ['test-only-k1', TEST_ONLY_K1],
    ['test-only-k2', TEST_ONLY_K2],
  ]),
};
