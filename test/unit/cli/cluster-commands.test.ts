// The commands that read a cluster, in-process against a fake API server (one file: they share the cost
// of loading the Kubernetes client). `down` (issue 10, item 8): the question names context, cluster and
// namespace; nobody is asked under CI or without a terminal (then --yes is needed: exit 2); "no" exits 1;
// an ID that never existed is "nothing to remove" (exit 0). `status` of such an ID exits 3; `list` of an
// empty cluster (collectStatus and listLabs themselves: test/unit/status/collect.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { absentLab } from '../../../src/cli/down.js';
import type { Terminal } from '../../../src/cli/target.js';
import { ToolError } from '../../../src/core/errors.js';
import { FakeKube } from '../../fakes/adapters.js';
import { FakeApiServer, kubeconfigYaml } from '../adapters/kube/fake-apiserver.js';
import { runMain } from './run-main.js';

let dir: string;
let server: FakeApiServer;
let kubeconfig: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-down-'));
  server = await new FakeApiServer().start();
  kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigYaml(server.url, 'tok', ['aks-lab']));
});
afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const labNamespace = () =>
  server.put('/api/v1/namespaces/alice-lifesub-ns', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'alice-lifesub-ns', labels: { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' } },
  });
const writes = () => server.requests.filter((r) => r.method !== 'GET');
const down = (terminal: Terminal, ...extra: string[]) => runMain(['down', '--id', 'alice', '--kubeconfig', kubeconfig, ...extra], { terminal });

describe('lifesub down', () => {
  it('names context, cluster and namespace in its question; "no" changes nothing and exits 1', async () => {
    labNamespace();
    const questions: string[] = [];
    const r = await down({ stdinTTY: true, stdoutTTY: true, env: {}, ask: async (q) => (questions.push(q), false) });
    expect(r.code, r.err).toBe(1);
    expect(questions).toEqual([`Remove namespace alice-lifesub-ns in context aks-lab (${server.url})?`]);
    expect(r.err).toContain('Nothing was changed.');
    expect(writes()).toEqual([]);
  });

  it.each([
    ['CI is set', { stdinTTY: true, stdoutTTY: true, env: { CI: 'true' } }],
    ['stdin is not a terminal', { stdinTTY: false, stdoutTTY: true, env: {} }],
  ])('never asks when %s: exit 2 asking for --yes, nothing changed', async (why, terminal) => {
    labNamespace();
    const asked: string[] = [];
    const r = await down({ ...terminal, ask: async (q) => (asked.push(q), true) });
    expect(r.code, r.err).toBe(2);
    expect(asked).toEqual([]);
    expect(r.err).toContain(`nobody to ask (${why})`);
    expect(r.err).toMatch(/hint: .*--yes/);
    expect(writes()).toEqual([]);
  });

  it('of an ID that never existed says there is nothing to remove, asks nothing, exit 0', async () => {
    const asked: string[] = [];
    const r = await down({ stdinTTY: true, stdoutTTY: true, env: {}, ask: async (q) => (asked.push(q), true) });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('nothing to remove: there is no namespace alice-lifesub-ns for ID alice on this cluster');
    expect(asked).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('of an ID that never existed, with --output json: one summary event, the sentence on stderr', async () => {
    const r = await down({ stdinTTY: false, stdoutTTY: false, env: { CI: 'true' } }, '--output', 'json');
    expect(r.code, r.err).toBe(0);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(events.at(-1)).toMatchObject({ type: 'summary', ok: true, command: 'down', id: 'alice', steps: [] });
    expect(r.err).toContain('nothing to remove');
  });
});

describe('absentLab', () => {
  it('cannot tell when the API does not answer: the run goes on and reports it as usual', async () => {
    const kube = new FakeKube();
    const settings = { id: 'alice', namespace: 'alice-lifesub-ns' };
    const signal = new AbortController().signal;
    expect(await absentLab(kube, settings, signal)).toMatch(/^nothing to remove/);
    kube.failOn('get', new ToolError('cannot reach the API server'));
    expect(await absentLab(kube, settings, signal)).toBeUndefined();
  });
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
