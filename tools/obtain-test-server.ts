/**
 * `npm run temporal:test-server`: finds or fetches the time-skipping test server up front (CI runs it before the
 * tests, so a first Maven fetch is not charged to a test's timeout) and prints the executable's path on stdout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTimeSkippingServer } from './time-skipping-server.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await resolveTimeSkippingServer({ projectRoot });
process.stdout.write(`${server.path}\n`);
