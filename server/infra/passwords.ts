import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT_N = 16384;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$saltB64$hashB64`. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(plain, salt, KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P });
  return ['scrypt', SCRYPT_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never verifies. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await deriveKey(plain, parsed.salt, parsed.hash.length, parsed.options);
  return timingSafeEqual(key, parsed.hash);
}

export type PasswordVerifier = (plain: string, stored: string) => Promise<boolean>;

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password with today's cost parameters, made once per process: a login for an unknown
 * username verifies against it, so it takes as long as one for a known username and tells nothing.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  return decoy;
}

function parseHash(stored: string): { options: ScryptOptions; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, saltB64, hashB64, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !saltB64 || !hashB64) return undefined;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  // Bounds keep a tampered row from making verification allocate unbounded memory or CPU.
  if (!isPowerOfTwoUpTo(N, 2 ** 17) || !isIntegerIn(R, 1, 16) || !isIntegerIn(P, 1, 16)) return undefined;
  const memory = 128 * N * R + 128 * R * P;
  if (memory > MAX_MEMORY_BYTES) return undefined;
  const salt = Buffer.from(saltB64, 'base64');
  const hash = Buffer.from(hashB64, 'base64');
  if (salt.length === 0 || hash.length < 16 || hash.length > 128) return undefined;
  return { options: { N, r: R, p: P, maxmem: memory + 1024 * 1024 }, salt, hash };
}

function deriveKey(plain: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function isPowerOfTwoUpTo(value: number, max: number): boolean {
  return isIntegerIn(value, 2, max) && (value & (value - 1)) === 0;
}

/** Compares a secret the caller typed (a citizen ID, a CSRF token) without telling by its timing how much matched. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
