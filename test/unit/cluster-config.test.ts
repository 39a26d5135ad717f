/**
 * docker-compose.yml runs the Temporal server `npm run cluster` runs and measures: the same version, the same
 * template variables, the same dynamic config, which is the embedded dev server's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_SERVER_DYNAMIC_CONFIG } from '../../tools/dev-server.js';
import {
  DYNAMIC_CONFIG_FILE,
  HISTORY_SHARDS,
  TEMPORAL_SERVER_VERSION,
  serverEnvironment,
} from '../../tools/cluster/temporal-server.js';
import { TEMPORAL_CLI_GO_VERSION } from '../../tools/temporal-cli.js';

const compose = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
/** The `temporal:` service's block, up to the next service. */
const temporalService = /\n {2}temporal:\n([\s\S]*?)\n {2}[a-z-]+:\n/.exec(compose)?.[1] ?? '';

/** `key:\n  - value: v` entries of a dynamic config file, as `key=v`. */
function dynamicConfigEntries(text: string): string[] {
  return [...text.matchAll(/^([a-zA-Z.]+):\s*\n\s+- value: (.+)$/gm)].map((m) => `${m[1]}=${m[2]!.trim()}`);
}

describe('the cluster and docker-compose.yml', () => {
  it('run one server version, the one the pinned CLI embeds', () => {
    expect(TEMPORAL_CLI_GO_VERSION).toBe('1.5.1'); // whose go.mod requires go.temporal.io/server v1.29.1
    expect(temporalService).toContain(`image: temporalio/server:${TEMPORAL_SERVER_VERSION}\n`);
    expect(compose).toContain(`temporalio/admin-tools:\${TEMPORAL_ADMINTOOLS_VERSION:-${TEMPORAL_SERVER_VERSION}-`);
  });

  it('load the dynamic config of tools/cluster/, which is the dev server’s', () => {
    const entries = dynamicConfigEntries(readFileSync(DYNAMIC_CONFIG_FILE, 'utf8'));
    expect([...entries].sort()).toEqual([...DEV_SERVER_DYNAMIC_CONFIG].sort());
    const target = /DYNAMIC_CONFIG_FILE_PATH: (\S+)/.exec(temporalService)?.[1];
    expect(target).toBeTruthy();
    expect(temporalService).toContain(`source: temporal-dynamic-config\n        target: ${target}`);
    expect(compose).toMatch(/temporal-dynamic-config:\n\s+file: \.\/tools\/cluster\/dynamicconfig\.yaml/);
  });

  it('fill the server’s template with the same variables', () => {
    const env = serverEnvironment({
      binaries: { server: '', sqlTool: '', schemaDir: '', configTemplate: '' },
      databases: {
        target: { host: 'h', port: 5432, user: 'temporal', password: 'p' },
        temporal: 'temporal',
        visibility: 'temporal_visibility',
      },
      runDir: '',
      port: 7233,
    });
    for (const key of ['DB', 'DB_PORT', 'POSTGRES_PORT', 'DBNAME', 'VISIBILITY_DBNAME', 'NUM_HISTORY_SHARDS']) {
      expect(temporalService, key).toMatch(new RegExp(`\\n\\s+${key}: ${env[key]}\\n`));
    }
    expect(env.NUM_HISTORY_SHARDS).toBe(String(HISTORY_SHARDS));
    // One node on loopback here; in compose the container listens on its network, published on loopback only.
    expect(env.BIND_ON_IP).toBe('127.0.0.1');
    expect(temporalService).toContain("'127.0.0.1:${TEMPORAL_HOST_PORT:-7233}:7233'");
  });
});
