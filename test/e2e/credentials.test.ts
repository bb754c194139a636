// Issue 7, item 5, against the sandbox through the built CLI: deleting Secret lifesub-credentials never
// rotates a password. The tests share one LIFESUB_HOME and run in order.
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, finalStatuses, freshHome, killAllCli, removeHome, startServe, type CliResult, type Serve } from '../support/cli.js';
import { changes, get, objectApi, snapshot } from './helpers/cluster.js';
import { runUp } from './helpers/expect-run.js';

const id = 'e2ecreds';
const ns = `${id}-lifesub-ns`;
const APP_SECRETS = ['common-secret', 'member-secret', 'mysub-secret', 'recommend-secret'];

let home: string;
let env: Record<string, string>;
let serve: Serve | undefined;
let api: KubernetesObjectApi;
let firstUp: CliResult;

beforeAll(() => {
  assertBuilt();
  home = freshHome('creds');
  env = { LIFESUB_HOME: home };
});

afterAll(async () => {
  await serve?.stop();
  killAllCli();
  removeHome(home);
});

async function cluster(): Promise<KubernetesObjectApi> {
  if (!serve) {
    serve = await startServe(env);
    api = objectApi(serve.kubeconfig);
  }
  return api;
}

async function deleteSecret(k: KubernetesObjectApi, name: string): Promise<void> {
  await k.delete({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns } });
}

const userPasswordKeys = ['member-password', 'mysub-password', 'recommend-password', 'jwt-secret-key'];
const pick = (data: Record<string, string> | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, data?.[k]]));

describe('credentials survive the loss of Secret lifesub-credentials (sandbox, built CLI)', () => {
  it('a first up succeeds', async () => {
    firstUp = await runUp(id, { env, timeoutMs: 90_000 });
    expect(firstUp.code, explain(firstUp)).toBe(0);
    // No terminal: no question, and the first event names the target (issue 7, item 9).
    expect(firstUp.events[0]).toMatchObject({
      type: 'target',
      command: 'up',
      id,
      context: expect.any(String),
      server: expect.stringMatching(/^https?:\/\//),
      namespace: ns,
    });
  }, 120_000);

  it('Secret deleted, up again: the same passwords come back, the app Secrets and pods are untouched', async () => {
    expect(firstUp?.code, 'the first up must have succeeded').toBe(0);
    const k = await cluster();
    const original = await get(k, 'v1', 'Secret', 'lifesub-credentials', ns);
    await deleteSecret(k, 'lifesub-credentials');
    const before = await snapshot(k, [ns]);

    const again = await runUp(id, { env, timeoutMs: 90_000 });
    expect(again.code, explain(again)).toBe(0);
    expect(finalStatuses(again.events).get('credentials')?.message, explain(again)).toMatch(/recreated Secret lifesub-credentials from the app Secrets/);

    const recreated = await get(k, 'v1', 'Secret', 'lifesub-credentials', ns);
    expect(pick(recreated!.data, userPasswordKeys)).toEqual(pick(original!.data, userPasswordKeys));
    expect(recreated!.metadata.labels).toEqual(original!.metadata.labels);
    // Only the recreated Secret is new: no app Secret rewritten, no pod replaced, no Deployment rolled.
    const after = await snapshot(k, [ns]);
    expect(changes(before, after).filter((c) => !c.startsWith('Namespace '))).toEqual([`Secret ${ns}/lifesub-credentials: created`]);
  }, 120_000);

  it('with the app Secrets gone too and the data volumes present: exit 1, nothing changed, both ways out named', async () => {
    const k = await cluster();
    for (const name of ['lifesub-credentials', ...APP_SECRETS]) await deleteSecret(k, name);
    expect(await get(k, 'v1', 'PersistentVolumeClaim', 'data-member-postgresql-0', ns)).toBeDefined();
    const before = await snapshot(k, [ns, 'ingress-basic']);

    const r = await runUp(id, { env, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(1);
    const failed = finalStatuses(r.events).get('credentials');
    expect(failed?.status, explain(r)).toBe('failed');
    expect(r.stderr).toMatch(/password of database member, mysub, recommend is in no other Secret/);
    expect(r.stderr).toMatch(/restore Secret lifesub-credentials/);
    expect(r.stderr).toMatch(/--reset-data/);

    const after = await snapshot(k, [ns, 'ingress-basic']);
    expect(changes(before, after).filter((c) => !c.startsWith('Namespace '))).toEqual([]);
    expect(await get(k, 'v1', 'Secret', 'lifesub-credentials', ns)).toBeUndefined();
  }, 120_000);

  it('up --reset-data drops the data volumes and starts the databases empty with new credentials', async () => {
    const k = await cluster();
    const claimBefore = await get(k, 'v1', 'PersistentVolumeClaim', 'data-member-postgresql-0', ns);
    const r = await runUp(id, { env, timeoutMs: 90_000 }, '--reset-data');
    expect(r.code, explain(r)).toBe(0);
    expect(finalStatuses(r.events).get('credentials')?.message, explain(r)).toMatch(/data volumes deleted: data-member-postgresql-0/);
    const claimAfter = await get(k, 'v1', 'PersistentVolumeClaim', 'data-member-postgresql-0', ns);
    expect(claimAfter?.metadata.uid).toBeDefined();
    expect(claimAfter!.metadata.uid).not.toBe(claimBefore!.metadata.uid);
    for (const name of APP_SECRETS) expect(await get(k, 'v1', 'Secret', name, ns), name).toBeDefined();
  }, 120_000);
});
