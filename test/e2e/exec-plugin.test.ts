// AAD clusters through the built CLI (issue 7, item 7): a kubelogin-style exec plugin's device code
// reaches lifesub's output while the plugin waits, Ctrl-C ends the wait with exit 130, and a failing
// plugin is reported as the plugin's failure. `down` is used because every step of it waits for
// preflight, so nothing else runs; no cluster is needed (the plugin runs before the API is contacted).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, killAllCli, runCli, spawnCli } from '../support/cli.js';
import { DEVICE_CODE, execKubeconfig, writeFakePlugin } from '../support/exec-plugin.js';

let dir: string;
let plugin: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lifesub-e2e-exec-'));
  plugin = writeFakePlugin(join(dir, 'bin'));
});
afterAll(() => {
  killAllCli();
  rmSync(dir, { recursive: true, force: true });
});

function kubeconfig(name: string, env: Record<string, string>): string {
  const file = join(dir, name);
  // Nothing listens there: the run must never get past the plugin in these tests.
  writeFileSync(file, execKubeconfig('https://127.0.0.1:9', plugin, env));
  return file;
}

const down = (config: string) => ['down', '--id', 'aad', '--kubeconfig', config, '--yes', '--output', 'json'];

describe('an exec credential plugin (kubelogin) in the kubeconfig', () => {
  it('its device code is shown while it waits; Ctrl-C ends the wait with exit 130', async () => {
    const run = spawnCli(down(kubeconfig('hang', { FAKE_PLUGIN_MODE: 'hang' })), { env: { LIFESUB_HOME: dir }, timeoutMs: 60_000 });
    let stderr = '';
    await new Promise<void>((resolve) => {
      run.child.stderr!.on('data', (c: Buffer | string) => {
        stderr += String(c);
        if (stderr.includes(DEVICE_CODE)) resolve();
      });
    });
    // What a terminal's Ctrl-C does: SIGINT to the whole foreground process group.
    process.kill(-run.child.pid!, 'SIGINT');
    const r = await run.done;
    expect(r.code, explain(r)).toBe(130);
    expect(r.stderr).toContain(`enter the code ${DEVICE_CODE}`);
    expect(r.events[0]).toMatchObject({ type: 'target', command: 'down', context: 'aks', server: 'https://127.0.0.1:9' });
  }, 90_000);

  it('a failing plugin is named as such, with the fix; exit 1', async () => {
    const r = await runCli(down(kubeconfig('fail', { FAKE_PLUGIN_MODE: 'fail' })), { env: { LIFESUB_HOME: dir }, timeoutMs: 60_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stderr).toMatch(/credential plugin kubelogin failed/);
    expect(r.stderr).toContain('AADSTS700082');
    expect(r.stderr).toContain('kubelogin convert-kubeconfig -l azurecli');
    expect(r.stderr).not.toMatch(/is the cluster reachable/);
  }, 90_000);
});
