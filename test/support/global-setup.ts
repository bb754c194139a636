// Runs once before the suite: extracts both real helms, so test files (and the CLIs they spawn)
// find them in the cache without racing to unzip. Its teardown stops every background sandbox the
// tests started (test/support/background-sandboxes.ts): `npm test` leaves no process behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_RUN_VAR, stopTrackedSandboxes } from './background-sandboxes.js';
import { HELMS, helmPath } from './helm.js';

export default async function setup(): Promise<() => Promise<void>> {
  for (const h of HELMS) await helmPath(h);
  // Inherited by the test workers, which pass it to every CLI they spawn.
  const run = mkdtempSync(join(tmpdir(), 'lifesub-test-run-'));
  process.env[TEST_RUN_VAR] = run;
  return async () => {
    const killed = await stopTrackedSandboxes(run);
    if (killed.length > 0) process.stderr.write(`global teardown: killed sandbox processes left by tests:\n  ${killed.join('\n  ')}\n`);
  };
}
