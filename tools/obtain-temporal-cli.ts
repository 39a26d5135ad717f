/**
 * `npm run temporal:cli`: finds or obtains the Temporal CLI up front (CI runs it before the tests, so a
 * first-time Go build is not charged to a test's timeout) and prints its path on stdout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTemporalCliPath } from './temporal-cli.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = await resolveTemporalCliPath({ projectRoot });
process.stdout.write(`${cliPath}\n`);
