/**
 * Records workflow histories for the replay test: `npx tsx test/histories/record-histories.ts`.
 * Run it again only when a change is meant to alter histories (and then guard the change with patched()).
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolveTemporalCliPath } from '../../tools/temporal-cli.js';
import { PUBLISHED, approvalFor, runStep, submit } from '../support/fixtures.js';
import { startStack } from '../support/stack.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = await resolveTemporalCliPath({ projectRoot });
const stack = await startStack();
try {
  const scenarios: Record<string, () => Promise<string>> = {
    'disbursed-published-order': async () => {
      const created = await submit(stack);
      for (const step of PUBLISHED) await runStep(stack, created.id, step);
      return created.id;
    },
    'returned-amended-withdrawn': async () => {
      const created = await submit(stack);
      await runStep(stack, created.id, 'group-vote');
      const returned = await runStep(stack, created.id, 'ward-verification', {
        ...approvalFor('ward-verification'),
        outcome: 'return',
        reason: 'Thiếu giấy ủy quyền 01/UQ',
      });
      const citizenId = returned.body.borrower.citizenId as string;
      await stack.api('PATCH', `/api/applications/${created.id}`, { body: { citizenId, amount: 40_000_000 } });
      await stack.api('POST', `/api/applications/${created.id}/withdraw`, {
        body: { citizenId, reason: 'Không vay nữa' },
      });
      return created.id;
    },
  };
  for (const [name, run] of Object.entries(scenarios)) {
    const id = await run();
    const handle = await stack.handleFor(id);
    await handle.result();
    // The CLI writes the same JSON form as other Temporal tools, which Worker.runReplayHistory reads.
    const json = execFileSync(cli, [
      'workflow',
      'show',
      '--workflow-id',
      handle.workflowId,
      '--address',
      stack.temporalAddress,
      '--output',
      'json',
    ]);
    await writeFile(new URL(`./${name}.json`, import.meta.url), json);
    console.log(`recorded ${name}`);
  }
} finally {
  await stack.close();
}
