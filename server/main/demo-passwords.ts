/** Production refuses to start while an enabled account can still be logged into with the demo password. */
import type { PrismaClient } from '../../prisma/generated/client.js';
import { DEMO_PASSWORD } from '../../prisma/seed.js';
import { verifyPassword } from '../infra/passwords.js';

/** A refusal to start: the entry points print its message and exit non-zero. */
export class StartRefused extends Error {
  override readonly name = 'StartRefused';
}

/**
 * The enabled accounts whose password is the demo password. scrypt is slow, so each distinct hash is verified
 * once (the seed gives every demo account the same hash), a few at a time on the thread pool. Disabled
 * accounts cannot log in and are left out: disabling the demo accounts is one way to satisfy the check.
 */
export async function accountsWithDemoPassword(prisma: PrismaClient): Promise<string[]> {
  const accounts = await prisma.officerAccount.findMany({
    where: { disabled: false },
    select: { username: true, passwordHash: true },
    orderBy: { username: 'asc' },
  });
  const hashes = [...new Set(accounts.map((account) => account.passwordHash))];
  const demo = new Set<string>();
  for (let start = 0; start < hashes.length; start += 4) {
    const batch = hashes.slice(start, start + 4);
    const verdicts = await Promise.all(batch.map((hash) => verifyPassword(DEMO_PASSWORD, hash)));
    batch.forEach((hash, index) => verdicts[index] && demo.add(hash));
  }
  return accounts.filter((account) => demo.has(account.passwordHash)).map((account) => account.username);
}

export function demoPasswordRefusal(usernames: string[]): StartRefused {
  return new StartRefused(
    `Refusing to start in production: ${usernames.length} enabled account(s) still have the demo password ` +
      `(${usernames.join(', ')}). Reset their passwords or disable them (POST /api/admin/officers/:username/` +
      'reset-password or /disable, from an administrator created with `npm run admin:create`), then start again.',
  );
}
