/**
 * `npm run admin:create -- --username NAME [--display-name TEXT] [--email ADDRESS]`: creates an administrator
 * in the database the entry points use (same configuration, same migrations). The password comes from
 * ADMIN_PASSWORD or, if that is unset, from standard input (first line); there is no default.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { createAdministrator } from '../domain/officer-accounts.js';
import { loadConfig } from './config.js';
import { openStore } from './runtime.js';

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

const AdminInput = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, 'letters, digits, dot, dash or underscore (3-64)'),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  password: z
    .string()
    .min(MIN_ADMIN_PASSWORD_LENGTH, `at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`)
    .max(200)
    .refine((password) => password !== 'demo1234', 'not the demo password'),
});

async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Runs the command; returns the exit code. Messages go to stdout (success) and stderr (refusal). */
export async function adminCreate(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, email: { type: 'string' } },
    strict: true,
  });
  if (env.ADMIN_PASSWORD === undefined && stdin.isTTY) {
    process.stderr.write('Password (input is shown; prefer ADMIN_PASSWORD or a pipe): ');
  }
  const password = env.ADMIN_PASSWORD ?? (await readFirstLine(stdin));
  const parsed = AdminInput.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? 'Quản trị hệ thống',
    email: values.email,
    password,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    console.error(`admin:create refused: ${problems.join('; ')}`);
    console.error('Usage: npm run admin:create -- --username NAME [--display-name TEXT] [--email ADDRESS]');
    return 2;
  }
  const config = loadConfig(env);
  // The start-up checks are left out: this is how a production installation gets past them.
  const db = await openStore({ ...config, seedDemo: false }, { checks: false });
  try {
    const admin = await createAdministrator(db.prisma, parsed.data);
    console.log(
      `Created administrator ${admin.username} (${db.kind === 'pglite' ? config.pgliteDir : 'DATABASE_URL'}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'USERNAME_TAKEN') {
      console.error(`admin:create refused: the username ${parsed.data.username} already exists`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await adminCreate(process.argv.slice(2), process.env, process.stdin);
}
