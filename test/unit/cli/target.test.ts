// Naming the target before changing it (issue 7, item 9).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { interactive, isNewTarget, resolveTarget, targetLine } from '../../../src/cli/target.js';
import { ToolError } from '../../../src/core/errors.js';
import { FakeKube } from '../../fakes/adapters.js';
import { FakeApiServer, kubeconfigYaml } from '../adapters/kube/fake-apiserver.js';

let dir: string;
let server: FakeApiServer;
let kubeconfig: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-target-'));
  server = await new FakeApiServer().start();
  kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigYaml(server.url, 'tok', ['aks-lab', 'other']));
});
afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signal = new AbortController().signal;

describe('the target', () => {
  it('is read from the kubeconfig without contacting the cluster', () => {
    const target = resolveTarget({ kubeconfig, context: 'other', namespace: 'alice-lifesub-ns' });
    expect(target).toEqual({ context: 'other', server: server.url, namespace: 'alice-lifesub-ns' });
    expect(targetLine('up', target!)).toBe(`lifesub up: context other, cluster ${server.url}, namespace alice-lifesub-ns`);
    expect(server.requests).toEqual([]);
    expect(resolveTarget({ kubeconfig: join(dir, 'missing'), namespace: 'x' })).toBeUndefined();
  });

  it('somebody can be asked only with stdin and stdout on a terminal and no CI', () => {
    expect(interactive({ stdinTTY: true, stdoutTTY: true, env: {} })).toBe(true);
    expect(interactive({ stdinTTY: true, stdoutTTY: true, env: { CI: 'true' } })).toBe(false);
    expect(interactive({ stdinTTY: false, stdoutTTY: true, env: {} })).toBe(false);
    expect(interactive({ stdinTTY: true, stdoutTTY: false, env: {} })).toBe(false);
  });

  it('is new for an ID without its lifesub namespace; an unanswering API counts as new', async () => {
    const kube = new FakeKube();
    const settings = { id: 'alice', namespace: 'alice-lifesub-ns' };
    expect(await isNewTarget(kube, settings, signal)).toBe(true);
    kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns' } });
    expect(await isNewTarget(kube, settings, signal)).toBe(true);
    kube.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'alice-lifesub-ns', labels: { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' } },
    });
    expect(await isNewTarget(kube, settings, signal)).toBe(false);
    kube.failOn('get', new ToolError('unreachable'));
    expect(await isNewTarget(kube, settings, signal)).toBe(true);
  });
});

describe('up in a terminal on a cluster new to this ID', () => {
  function io(answer: boolean, questions: string[]) {
    let out = '';
    let err = '';
    return {
      io: {
        stdout: new Writable({
          write(c, _e, cb) {
            out += String(c);
            cb();
          },
        }),
        stderr: new Writable({
          write(c, _e, cb) {
            err += String(c);
            cb();
          },
        }),
        terminal: { stdinTTY: true, stdoutTTY: true, env: {}, ask: async (q: string) => (questions.push(q), answer) },
      },
      out: () => out,
      err: () => err,
    };
  }

  it('names the target on its first line, asks before any change, and a "no" changes nothing (exit 1)', async () => {
    const questions: string[] = [];
    const c = io(false, questions);
    const code = await main(['up', '--id', 'alice', '--kubeconfig', kubeconfig, '--workspace', dir], c.io);
    expect(code, c.err()).toBe(1);
    expect(c.out().split('\n')[0]).toBe(`lifesub up: context aks-lab, cluster ${server.url}, namespace alice-lifesub-ns`);
    expect(questions).toEqual([
      `No lifesub namespace for alice on this cluster yet. Set it up in context aks-lab (${server.url}), namespace alice-lifesub-ns?`,
    ]);
    expect(c.err()).toContain('Nothing was changed.');
    // The only request was the namespace lookup (after discovery): nothing was written.
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
