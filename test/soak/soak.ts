/**
 * The soak: applications driven to their ends through the HTTP API of the product's own processes (API and worker
 * as `npm run start:api` / `start:worker`, on PostgreSQL), while, in turn, the worker is killed with SIGKILL and
 * restarted, then the API, then the Temporal server, and PostgreSQL is stopped for a while. Afterwards it checks,
 * from the database, the workflows and a loopback SMTP sink, that nothing was lost and nothing doubled.
 * Loopback only; bounded in count and time. `runSoak` returns the report; soak-main.ts prints it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { startAppProcess, waitForHttp, type AppProcess } from '../../tools/cluster/app-process.js';
import {
  applySchema,
  createDatabases,
  obtainTemporalServer,
  postgresTarget,
  startClusterServer,
} from '../../tools/cluster/temporal-server.js';
import { findFreePort, startDevServer } from '../../tools/dev-server.js';
import { clientDataConverter } from '../../server/infra/payload-codec.js';
import { PayloadKeysSchema, keyringFrom } from '../../server/main/payload-keys.js';
import { getStateQuery } from '../../workflows/definitions.js';
import { OFFICER_FOR_STEP, PUBLISHED, applicationForm, approvalFor, rejectionFor } from '../support/fixtures.js';
import { startSmtpSink } from '../support/smtp.js';
import { pgCtlCluster, startPrivatePostgres, type PostgresControl } from './postgres-control.js';
import { SoakClient } from './soak-client.js';

export const FAULTS = ['worker', 'api', 'temporal', 'postgres'] as const;
/** How long the checks wait, at most, for the outbox to drain after the load. */
const MAIL_DRAIN_MS = 5 * 60_000;
/** How long a client that does not know whether its action took effect watches the application's history. */
const RECONCILE_MS = 20_000;
export type Fault = (typeof FAULTS)[number];

export interface SoakOptions {
  count: number;
  concurrency: number;
  /** The embedded default's dev server (from tools/), or the Temporal server on PostgreSQL (`npm run cluster`'s). */
  temporal: 'dev' | 'cluster';
  /** Which faults, in this order; default all. */
  faults?: readonly Fault[];
  postgresDownMs?: number;
  /** The soak gives up (and fails) after this long. */
  timeLimitMs: number;
  /** An existing cluster to stop and start (`15/main`) with the URL of a role that may create databases. */
  pgCtlCluster?: { cluster: string; adminUrl: string };
  /** Fixed ports (else free ones): PostgreSQL, Temporal, API. */
  ports?: { postgres?: number; temporal?: number; api?: number };
  log?: (line: string) => void;
}

export interface SoakReport {
  passed: boolean;
  problems: string[];
  lines: string[];
}

type End = 'DISBURSED' | 'REJECTED';
interface Driven {
  id: string;
  workflowId: string;
  intended: End;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A 503 this long after a dependency came back is still the outage's (clients' retries in flight). */
const RECOVERY_GRACE_MS = 20_000;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[soak] ${line}\n`));
  const faults = options.faults ?? FAULTS;
  const started = Date.now();
  const deadline = started + options.timeLimitMs;
  const problems: string[] = [];
  const lines: string[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];
  const windows: Array<{ fault: Fault; from: number; to: number }> = [];
  const dir = await mkdtemp(path.join(tmpdir(), 'loan-soak-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));

  try {
    const postgres: PostgresControl = options.pgCtlCluster
      ? pgCtlCluster(options.pgCtlCluster.cluster, options.pgCtlCluster.adminUrl)
      : await startPrivatePostgres(options.ports?.postgres ?? (await findFreePort()));
    cleanups.unshift(() => postgres.destroy());
    const databaseUrl = Object.assign(new URL(postgres.adminUrl), { pathname: '/loan_soak' }).toString();
    await createDatabases(postgres.adminUrl, ['loan_soak']);
    const smtp = await startSmtpSink();
    cleanups.unshift(() => smtp.close());

    // Temporal: restartable on the same port and the same store.
    const temporalPort = options.ports?.temporal ?? (await findFreePort());
    let temporal: { kill?(): Promise<void>; stop(): Promise<void> };
    let startTemporal: () => Promise<void>;
    if (options.temporal === 'cluster') {
      const binaries = await obtainTemporalServer(projectRoot, log);
      const databases = {
        target: postgresTarget(postgres.adminUrl),
        temporal: 'temporal',
        visibility: 'temporal_visibility',
      };
      await createDatabases(postgres.adminUrl, [databases.temporal, databases.visibility]);
      await applySchema(binaries, databases);
      startTemporal = async () => {
        temporal = await startClusterServer({
          binaries,
          databases,
          runDir: path.join(dir, 'temporal'),
          port: temporalPort,
          log,
        });
      };
    } else {
      const uiPort = await findFreePort();
      startTemporal = async () => {
        temporal = await startDevServer({
          projectRoot,
          dataDir: path.join(dir, 'temporal'),
          port: temporalPort,
          uiPort,
          log: () => undefined,
        });
      };
    }
    await startTemporal();
    cleanups.unshift(() => temporal.stop());
    const temporalAddress = `127.0.0.1:${temporalPort}`;

    const payloadKeys = `soak-1:${randomBytes(32).toString('base64')}`;
    const apiPort = options.ports?.api ?? (await findFreePort());
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const env = {
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DATA_DIR: path.join(dir, 'app'),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SMTP_URL: smtp.url,
      PUBLIC_URL: baseUrl,
      PAYLOAD_KEYS: payloadKeys,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_SECONDS: '5',
      // One client address for every officer and applicant here: no rate limit may refuse the load.
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      STATUS_RATE_LIMIT_PER_MINUTE: '100000',
    };
    const logged: string[] = [];
    const keep = (name: string) => (line: string) => {
      if (line.includes('"level":50') || line.includes('"level":60')) logged.push(`[${name}] ${line.slice(0, 500)}`);
    };
    // A supervisor, as docker-compose's `restart: unless-stopped`: a process that exits on its own comes back.
    const processes: Record<'api' | 'worker', AppProcess | undefined> = { api: undefined, worker: undefined };
    let finished = false;
    const supervisedRestarts: string[] = [];
    const launch = (kind: 'api' | 'worker') => {
      const app = startAppProcess(kind, env, keep(kind));
      processes[kind] = app;
      void app.exited.then((code) => {
        if (finished || processes[kind] !== app || app.child.signalCode === 'SIGKILL') return;
        supervisedRestarts.push(
          `${kind} exited on its own (code ${code}) at +${Math.round((Date.now() - started) / 1000)} s: ${lastWords(app)}`,
        );
        setTimeout(() => !finished && processes[kind] === app && launch(kind), 1_000);
      });
      return app;
    };
    cleanups.unshift(async () => {
      finished = true;
      await Promise.all([processes.worker?.stop(), processes.api?.stop()]);
    });
    await waitForHttp(`${baseUrl}/health/live`, launch('api'));
    launch('worker');
    await waitForHttp(`${baseUrl}/health/ready`, processes.api!);
    log(
      `system up in ${Math.round((Date.now() - started) / 1000)} s (Temporal ${options.temporal} on ${temporalAddress}, API ${baseUrl})`,
    );

    const client = new SoakClient({ baseUrl, requestDeadlineMs: Math.max(60_000, deadline - Date.now()) });
    const usernames = [...new Set([...Object.values(OFFICER_FOR_STEP), 'bank.manager'])];
    for (const username of usernames) await client.login(username);

    // The load: every application to its end, `concurrency` at a time; the faults fire as it progresses.
    const driven: Driven[] = [];
    const failed: string[] = [];
    let next = 0;
    let done = 0;
    const drive = async (index: number) => {
      try {
        driven.push(await driveOne(client, index % 10 === 9 ? 'REJECTED' : 'DISBURSED'));
      } catch (error) {
        failed.push(`application ${index}: ${String(error)}`);
      } finally {
        done += 1;
      }
    };
    const load = Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.count && Date.now() < deadline) {
          next += 1;
          await drive(next);
        }
      }),
    );
    const progress = setInterval(() => log(`${done}/${options.count} applications at their end`), 30_000);
    const injectFaults = async () => {
      for (const [i, fault] of faults.entries()) {
        const at = Math.floor((options.count * (i + 1)) / (faults.length + 1));
        while (done < at && next < options.count && Date.now() < deadline) await sleep(200);
        const from = Date.now();
        log(`fault ${i + 1}/${faults.length}: ${fault} (after ${done} applications)`);
        switch (fault) {
          case 'worker': {
            await processes.worker?.stop('SIGKILL');
            await sleep(2_000);
            launch('worker');
            break;
          }
          case 'api': {
            await processes.api?.stop('SIGKILL');
            await sleep(2_000);
            await waitForHttp(`${baseUrl}/health/live`, launch('api'));
            break;
          }
          case 'temporal': {
            await temporal.kill!();
            await sleep(2_000);
            await startTemporal();
            break;
          }
          case 'postgres': {
            await postgres.stop();
            await sleep(options.postgresDownMs ?? 30_000);
            await postgres.start();
            break;
          }
        }
        windows.push({ fault, from, to: Date.now() + RECOVERY_GRACE_MS });
        log(`  ${fault} back after ${((Date.now() - from) / 1000).toFixed(1)} s`);
      }
    };
    const faulting = injectFaults();
    await load;
    await faulting;
    clearInterval(progress);
    const loadSeconds = (Date.now() - started) / 1000;
    if (next < options.count) problems.push(`time limit reached: ${next} of ${options.count} applications started`);
    problems.push(...failed);

    // Mail is delivered after the answer: wait (bounded) until the outbox is empty of PENDING rows. A mail activity
    // that failed during a fault waits out its retry backoff (5 s doubling: 160 s before its seventh attempt), so
    // the bound is longer than that; the wait is as short as the mail allows, and the report says how long it was.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.unshift(() => db.end());
    const pendingMail = async () =>
      Number((await db.query(`SELECT count(*) FROM notification_outbox WHERE status <> 'SENT'`)).rows[0].count);
    const mailWaitStarted = Date.now();
    while ((await pendingMail()) > 0 && Date.now() - mailWaitStarted < MAIL_DRAIN_MS && Date.now() < deadline) {
      await sleep(1_000);
    }
    const mailWaitSeconds = Math.round((Date.now() - mailWaitStarted) / 1000);

    const check = await checkEverything({
      db,
      driven,
      smtpRaw: smtp.messages.map((m) => m.raw),
      client: new Client({
        connection: await Connection.connect({ address: temporalAddress }),
        dataConverter: clientDataConverter(keyringFrom(PayloadKeysSchema.parse(payloadKeys), undefined)),
      }),
      // A row is marked SENT after the SMTP server accepted it: a worker killed, or a database gone, in between
      // leaves it PENDING, and the retry sends it again with the same Message-ID (the documented window).
      resendWindow: faults.includes('worker') || faults.includes('postgres'),
    });
    problems.push(...check.problems);

    const badErrors = client.serverErrors.filter(
      (e) => e.status !== 503 || !windows.some((w) => e.at >= w.from && e.at <= w.to),
    );
    for (const e of badErrors.slice(0, 20)) {
      problems.push(
        `${e.status} ${e.code ?? ''} on ${e.route} at +${Math.round((e.at - started) / 1000)} s, outside an outage or not 503`,
      );
    }
    if (badErrors.length > 20) problems.push(`... and ${badErrors.length - 20} more such answers`);

    const byEnd = (end: End) => driven.filter((d) => d.intended === end).length;
    lines.push(
      `soak: ${options.count} applications, ${options.concurrency} at a time, Temporal ${options.temporal}, PostgreSQL ${options.pgCtlCluster ? options.pgCtlCluster.cluster : 'private cluster'}`,
      `load phase ${loadSeconds.toFixed(0)} s; ${driven.length} reached their end (${byEnd('DISBURSED')} DISBURSED, ${byEnd('REJECTED')} REJECTED), ${failed.length} failed`,
      `faults: ${windows.map((w) => `${w.fault} (${((w.to - RECOVERY_GRACE_MS - w.from) / 1000).toFixed(1)} s)`).join(', ') || 'none'}`,
      `client: ${client.retries} retries, ${client.freshKeys} fresh keys after an abandoned first attempt; 5xx answers: ${summarise(client.serverErrors.map((e) => `${e.status} ${e.code ?? '-'}`))}`,
      ...check.lines,
      `waited ${mailWaitSeconds} s after the load for the outbox to drain`,
      `processes that exited on their own and were restarted: ${supervisedRestarts.length === 0 ? 'none' : supervisedRestarts.join('; ')}`,
      ...(logged.length > 0 ? [`error lines logged by the processes: ${logged.length} (first: ${logged[0]})`] : []),
      problems.length === 0 ? 'PASSED' : `FAILED: ${problems.length} problem(s)`,
      ...problems.map((p) => `  - ${p}`),
    );
    return { passed: problems.length === 0, problems, lines };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

/** What a process said last, apart from its ordinary log lines. */
function lastWords(app: AppProcess): string {
  return app
    .recent()
    .filter((line) => !line.startsWith('{') || /"level":[56]0/.test(line))
    .slice(-3)
    .map((line) => line.slice(0, 300))
    .join(' | ');
}

function summarise(values: string[]): string {
  if (values.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} × ${v}`).join(', ');
}

/** One application from submission to the end it is meant for, as the officers of each step would do it. */
async function driveOne(client: SoakClient, intended: End): Promise<Driven> {
  const form = applicationForm();
  const citizenId = (form.borrower as { citizenId: string }).citizenId;
  const ward = await client.login('ward.HOABINH');
  const findMine = async () => {
    const found = await client.get(`/api/applications?q=${citizenId}`, ward);
    return (found.body?.items?.[0] as { id: string } | undefined)?.id;
  };
  let id: string | undefined;
  const submitted = await client.post('/api/applications', undefined, form, async () => {
    for (let i = 0; i < 5; i += 1) {
      id = await findMine();
      if (id) return true;
      await sleep(1_000);
    }
    return false;
  });
  if (submitted.status !== 201 && !id)
    throw new Error(`submission: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  id ??= submitted.body.id as string;

  const manager = await client.login('bank.manager');
  const lastSeq = async () => {
    const history = (await client.get(`/api/applications/${id}`, manager)).body.history as Array<{ seq: number }>;
    return history.at(-1)?.seq ?? -1;
  };
  const act = async (username: string, route: string, body?: unknown) => {
    const token = await client.login(username);
    const before = await lastSeq();
    const answer = await client.post(
      `/api/applications/${id}${route}`,
      token,
      body,
      // The history is the read model, which follows the workflow by an activity: after a fault it can lag the
      // decision by seconds, so "not yet" is asked again for a while before it counts as "no".
      async () => {
        for (const started = Date.now(); Date.now() - started < RECONCILE_MS; await sleep(1_000)) {
          if ((await lastSeq()) > before) return true;
        }
        return false;
      },
    );
    if (answer.status !== 200)
      throw new Error(`${id}${route} as ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  for (const step of PUBLISHED) {
    const officer = OFFICER_FOR_STEP[step];
    await act(officer, `/steps/${step}/start`);
    if (intended === 'REJECTED' && step === 'ward-verification') {
      await act(officer, `/steps/${step}/decision`, rejectionFor(step));
      break;
    }
    await act(officer, `/steps/${step}/decision`, approvalFor(step));
    if (step === 'bank-approval') {
      await act('bank.manager', `/steps/${step}/start`);
      await act('bank.manager', `/steps/${step}/decision`, { outcome: 'approve' });
    }
  }
  const view = await client.get(`/api/applications/${id}`, manager);
  return { id, workflowId: `loan-application-${view.body.code as string}`, intended };
}

interface CheckInput {
  db: pg.Client;
  driven: Driven[];
  smtpRaw: string[];
  client: Client;
  resendWindow: boolean;
}

/** The counts per application of one kind must all agree: the soak's applications are all alike. */
function uniform(
  rows: Array<{ id: string; n: number }>,
  ids: Map<string, End>,
  what: string,
  problems: string[],
): string {
  const seen: Record<End, Map<number, number>> = { DISBURSED: new Map(), REJECTED: new Map() };
  const byId = new Map(rows.map((r) => [r.id, r.n]));
  for (const [id, end] of ids) {
    const n = byId.get(id) ?? 0;
    seen[end].set(n, (seen[end].get(n) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const end of ['DISBURSED', 'REJECTED'] as const) {
    if (seen[end].size > 1)
      problems.push(
        `${what} per ${end} application differ: ${summarise([...seen[end]].flatMap(([n, c]) => Array(c).fill(String(n))))}`,
      );
    if (seen[end].size > 0) parts.push(`${end} ${[...seen[end].keys()].join('/')}`);
  }
  return `${what} per application: ${parts.join(', ')}`;
}

async function checkEverything(input: CheckInput): Promise<{ problems: string[]; lines: string[] }> {
  const { db, driven } = input;
  const problems: string[] = [];
  const lines: string[] = [];
  const ids = new Map(driven.map((d) => [d.id, d.intended]));
  const count = async (sql: string) =>
    (await db.query(sql)).rows.map((r: { id: string; n: string }) => ({ id: r.id, n: Number(r.n) }));

  // Every application at the end it was driven to, in the read model and in its workflow.
  const statuses = new Map(
    (await db.query('SELECT id, status FROM applications')).rows.map((r: { id: string; status: string }) => [
      r.id,
      r.status,
    ]),
  );
  for (const d of driven) {
    if (statuses.get(d.id) !== d.intended)
      problems.push(`${d.id}: read model says ${statuses.get(d.id)}, driven to ${d.intended}`);
  }
  let workflowsChecked = 0;
  const taskFailures: string[] = [];
  const taskTimeouts: string[] = [];
  for (let i = 0; i < driven.length; i += 20) {
    await Promise.all(
      driven.slice(i, i + 20).map(async (d) => {
        const handle = input.client.workflow.getHandle(d.workflowId);
        const description = await handle.describe();
        const status =
          description.status.name === 'RUNNING' ? (await handle.query(getStateQuery)).status : description.status.name;
        if (status !== 'COMPLETED' && status !== d.intended)
          problems.push(`${d.workflowId}: workflow ${status}, driven to ${d.intended}`);
        // A failed workflow task is retried by Temporal and may heal, but it refuses Updates meanwhile: say why.
        for (const event of (await handle.fetchHistory()).events ?? []) {
          if (event.workflowTaskTimedOutEventAttributes) {
            taskTimeouts.push(`${d.workflowId} event ${String(event.eventId)}`);
            continue;
          }
          const failed = event.workflowTaskFailedEventAttributes;
          if (!failed) continue;
          const stack = failed.failure?.stackTrace?.split('\n').slice(0, 4).join(' | ') ?? '';
          const why = `cause ${failed.cause ?? '?'}: ${failed.failure?.message ?? ''} ${stack}`.slice(0, 600);
          taskFailures.push(`${d.workflowId} event ${String(event.eventId)} ${why}`);
        }
        workflowsChecked += 1;
      }),
    );
  }
  lines.push(`ends: ${driven.length} read-model rows and ${workflowsChecked} workflows checked`);
  lines.push(
    `workflow tasks timed out in the histories: ${taskTimeouts.length}${taskTimeouts.length > 0 ? ` (first: ${taskTimeouts[0]})` : ''}`,
  );
  lines.push(
    `failed workflow tasks in the histories: ${taskFailures.length}`,
    ...taskFailures.slice(0, 10).map((f) => `  ${f}`),
  );

  // Nothing doubled: one application per borrower, one row per (application, seq), the same counts everywhere.
  const doubles = async (what: string, sql: string) => {
    const rows = (await db.query(sql)).rows;
    if (rows.length > 0) problems.push(`${rows.length} duplicated ${what}: ${JSON.stringify(rows.slice(0, 3))}`);
    return rows.length;
  };
  const duplicates =
    (await doubles(
      'applications of one borrower',
      'SELECT borrower_citizen_id, count(*) FROM applications GROUP BY 1 HAVING count(*) > 1',
    )) +
    (await doubles(
      'audit events',
      'SELECT application_id, seq, count(*) FROM audit_events WHERE application_id IS NOT NULL AND seq IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1',
    )) +
    (await doubles(
      'decisions',
      'SELECT application_id, seq, count(*) FROM step_decisions GROUP BY 1, 2 HAVING count(*) > 1',
    )) +
    (await doubles(
      'outbox rows',
      'SELECT event_id, recipient, count(*) FROM notification_outbox GROUP BY 1, 2 HAVING count(*) > 1',
    ));
  lines.push(`duplicates (borrowers, audit events, decisions, outbox rows): ${duplicates}`);
  lines.push(
    uniform(
      await count('SELECT application_id AS id, count(*) AS n FROM step_decisions GROUP BY 1'),
      ids,
      'decisions',
      problems,
    ),
  );
  lines.push(
    uniform(
      await count('SELECT application_id AS id, count(*) AS n FROM audit_events GROUP BY 1'),
      ids,
      'audit events',
      problems,
    ),
  );
  lines.push(
    uniform(
      await count('SELECT application_id AS id, count(*) AS n FROM disbursements GROUP BY 1'),
      ids,
      'disbursements',
      problems,
    ),
  );
  lines.push(
    uniform(
      await count('SELECT application_id AS id, count(*) AS n FROM notification_outbox GROUP BY 1'),
      ids,
      'outbox rows',
      problems,
    ),
  );

  // Every email once: each SENT row's Message-ID reached the sink; more than once only in the documented window.
  const outbox = (await db.query('SELECT message_id, status FROM notification_outbox')).rows as Array<{
    message_id: string;
    status: string;
  }>;
  const received = new Map<string, number>();
  for (const raw of input.smtpRaw) {
    const id = /^message-id:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '(none)';
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const known = new Set(outbox.map((r) => (r.message_id.startsWith('<') ? r.message_id : `<${r.message_id}>`)));
  const unsent = outbox.filter((r) => r.status !== 'SENT').length;
  const lost = [...known].filter((id) => !received.has(id)).length;
  const twice = [...received].filter(([, n]) => n > 1).length;
  const strangers = [...received.keys()].filter((id) => !known.has(id)).length;
  if (unsent > 0) {
    problems.push(`${unsent} outbox rows never sent`);
    lines.push(...(await whyUnsent(input)));
  }
  if (lost > 0) problems.push(`${lost} emails never reached the SMTP sink`);
  if (strangers > 0) problems.push(`${strangers} emails the outbox does not know`);
  if (twice > 0 && !input.resendWindow)
    problems.push(`${twice} emails received twice with no worker or database fault`);
  lines.push(
    `mail: ${outbox.length} outbox rows, ${input.smtpRaw.length} messages received, ${twice} received twice` +
      (twice > 0
        ? ' (accepted by SMTP, then the worker was killed or the database was gone before the row was marked SENT: the documented window)'
        : ''),
  );
  return { problems, lines };
}

/** For the first unsent outbox rows: the row, and what its workflow is doing about it (status, pending activities). */
async function whyUnsent(input: CheckInput): Promise<string[]> {
  const rows = (
    await input.db.query(
      `SELECT o.event_id, o.recipient, o.attempts, o.last_error, o.created_at, a.workflow_id
       FROM notification_outbox o JOIN applications a ON a.id = o.application_id
       WHERE o.status <> 'SENT' ORDER BY o.created_at LIMIT 5`,
    )
  ).rows as Array<{
    workflow_id: string;
    event_id: string;
    recipient: string;
    attempts: number;
    last_error: string | null;
    created_at: Date;
  }>;
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(
      `  unsent: event ${row.event_id} to ${row.recipient}, written ${row.created_at.toISOString()}, ` +
        `${row.attempts} attempts, last error ${row.last_error ?? 'none'}`,
    );
    const workflowId = row.workflow_id;
    const description = await input.client.workflow
      .getHandle(workflowId)
      .describe()
      .catch((error: unknown) => String(error));
    if (typeof description === 'string') {
      lines.push(`    ${workflowId}: ${description}`);
      continue;
    }
    lines.push(`    ${workflowId}: ${description.status.name}`);
    for (const activity of description.raw.pendingActivities ?? []) {
      lines.push(
        `    pending ${activity.activityType?.name}: attempt ${activity.attempt}, state ${activity.state}, ` +
          `next ${activity.nextAttemptScheduleTime ? new Date(Number(activity.nextAttemptScheduleTime.seconds) * 1000).toISOString() : '-'}, ` +
          `last failure ${activity.lastFailure?.message ?? 'none'}`,
      );
    }
  }
  return lines;
}
