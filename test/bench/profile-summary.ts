/**
 * `npx tsx test/bench/profile-summary.ts <dir or .cpuprofile files>`: where the CPU went in `node --cpu-prof`
 * profiles of the benchmark, by component (HTTP and zod, Prisma and its database, the Temporal worker and the
 * workflow sandbox, the rest) and by the functions with the most self time.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const COMPONENTS: [string, RegExp][] = [
  ['zod', /node_modules\/zod\//],
  [
    'express + http',
    /node_modules\/(express|router|body-parser|raw-body|helmet|finalhandler|send|qs|iconv-lite)\/|node:_http|node:http/,
  ],
  ['prisma', /node_modules\/(@prisma|\.prisma|prisma)\/|prisma\/generated/],
  ['pglite', /node_modules\/(@electric-sql|pglite-prisma-adapter)\//],
  ['pg (postgres driver)', /node_modules\/(pg|pg-protocol|pg-types)\//],
  ['temporal worker + sandbox', /node_modules\/@temporalio\/(worker|workflow|core-bridge)\/|workflow-bundle|webpack/],
  ['temporal client + proto', /node_modules\/@temporalio\/(client|common|proto)\/|protobufjs|@grpc/],
  ['project: server/http + web', /\/server\/(http|web)\//],
  ['project: server/domain', /\/server\/domain\//],
  ['project: activities', /\/activities\//],
  ['project: workflows', /\/workflows\//],
  ['tsx / module loading', /node_modules\/(tsx|esbuild)\/|node:internal\/modules/],
];

function ownComponent(node: ProfileNode): string | null {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'gc';
  return COMPONENTS.find(([, pattern]) => pattern.test(url))?.[0] ?? null;
}

/**
 * A frame of no known component (native code, wasm, Node internals) counts for the nearest caller that has one:
 * the query engine's wasm for Prisma, a socket write for whoever wrote.
 */
function attribute(profile: Profile): Map<number, string> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const node = nodes.get(id)!;
    const parent = parents.get(id);
    const url = node.callFrame.url;
    const fallback = url.startsWith('wasm:') ? 'wasm (no known caller)' : url ? 'other' : 'native (no known caller)';
    const component = ownComponent(node) ?? (parent === undefined ? fallback : resolve(parent));
    memo.set(id, component === 'other' && url.startsWith('wasm:') ? 'wasm (no known caller)' : component);
    return memo.get(id)!;
  };
  for (const node of profile.nodes) resolve(node.id);
  return memo;
}

async function profileFiles(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if ((await stat(arg)).isDirectory()) {
      files.push(...(await readdir(arg)).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(arg, f)));
    } else files.push(arg);
  }
  return files;
}

const byComponent = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const file of await profileFiles(process.argv.slice(2))) {
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const components = attribute(profile);
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += micros;
    const component = components.get(id) ?? 'other';
    byComponent.set(component, (byComponent.get(component) ?? 0) + micros);
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/wt-[^/]+\//, '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  });
}

const share = (micros: number) =>
  `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms`;
console.log(`busy CPU in the profiles: ${(total / 1e6).toFixed(1)} s`);
for (const [name, micros] of [...byComponent].sort((a, b) => b[1] - a[1])) console.log(`${share(micros)}  ${name}`);
console.log('\ntop self time:');
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${share(micros)}  ${name}`);
