// Exit 2 promises "nothing was changed" (issue 7, item 8), through the built CLI against the sandbox:
// the same user error (a namespace of that name that lifesub did not create) exits 1 naming the changes
// when the run had already cloned and installed, and exits 2 when a re-run found everything in place.
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, freshHome, killAllCli, removeHome, startServe, summaryOf, type Serve } from '../support/cli.js';
import { objectApi } from './helpers/cluster.js';
import { runUp } from './helpers/expect-run.js';

const id = 'e2eexit';
const ns = `${id}-lifesub-ns`;
let home: string;
let serve: Serve | undefined;
let api: KubernetesObjectApi;

beforeAll(async () => {
  assertBuilt();
  home = freshHome('exit');
  serve = await startServe({ LIFESUB_HOME: home });
  api = objectApi(serve.kubeconfig);
  // Somebody else's namespace with the name lifesub would use.
  await api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  killAllCli();
  removeHome(home);
});

describe('exit codes tell the truth', () => {
  it('a user error after the run cloned the repositories exits 1 and says what was changed', async () => {
    const r = await runUp(id, { env: { LIFESUB_HOME: home }, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(1);
    const error = summaryOf(r).error!;
    expect(error.step).toBe('namespace');
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/not created by lifesub for id e2eexit \(already changed before this error: .*cloned /);
  }, 120_000);

  it('the same user error with nothing left to change exits 2', async () => {
    // Another ID's complete run leaves the clones and the ingress controller in place (the first run
    // above was cut short mid-clone), so this run only looks before it hits the namespace.
    const other = await runUp('e2eexitok', { env: { LIFESUB_HOME: home }, timeoutMs: 90_000 });
    expect(other.code, explain(other)).toBe(0);
    const r = await runUp(id, { env: { LIFESUB_HOME: home }, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(2);
    const error = summaryOf(r).error!;
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toMatch(/already changed/);
  }, 200_000);
});
