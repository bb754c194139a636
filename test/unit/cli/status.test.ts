// `lifesub status` in-process against a fake API server: an ID with nothing on the cluster exits 3,
// in text and JSON; `list` of an empty cluster (collectStatus, listLabs: test/unit/status/collect.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeApiServer, kubeconfigYaml } from '../adapters/kube/fake-apiserver.js';
import { runMain } from './run-main.js';

let dir: string;
let server: FakeApiServer;
let kubeconfig: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-status-'));
  server = await new FakeApiServer().start();
  kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigYaml(server.url, 'tok', ['aks-lab']));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('lifesub status', () => {
  it('of an ID that never existed says so and exits 3 (text)', async () => {
    const r = await runMain(['status', '--id', 'ghost', '--kubeconfig', kubeconfig]);
    expect(r.code, r.err).toBe(3);
    expect(r.out).toBe(
      'nothing found for ID ghost in context aks-lab: no namespace ghost-lifesub-ns (never set up, or removed). Check the ID with `lifesub list`, or run `lifesub up --id ghost`.\n',
    );
  });

  it('of an ID that never existed exits 3 (json)', async () => {
    const r = await runMain(['status', '--id', 'ghost', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(r.code, r.err).toBe(3);
    expect(JSON.parse(r.out)).toMatchObject({ type: 'status', id: 'ghost', found: false, ready: false, context: 'aks-lab', namespaceState: 'absent' });
  });
});

describe('lifesub list', () => {
  it('on a cluster without labs says so, exit 0; JSON has an empty list', async () => {
    const text = await runMain(['list', '--kubeconfig', kubeconfig]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toBe('no lifesub labs on this cluster (context aks-lab)\n');
    const json = await runMain(['ls', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(JSON.parse(json.out)).toEqual({ type: 'list', context: 'aks-lab', labs: [] });
    // Found by label: the only namespace request asked for lifesub's.
    const asked = server.requests.filter((r) => r.path === '/api/v1/namespaces');
    expect(asked.map((r) => r.query.get('labelSelector'))).toEqual(['app.kubernetes.io/managed-by=lifesub', 'app.kubernetes.io/managed-by=lifesub']);
  });
});
