// AAD clusters: the kubeconfig's exec credential plugin runs through lifesub's own process runner, with
// its prompt shown while it waits, stopped by the signal, and named when it fails (issue 7, item 7).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../../src/adapters/exec.js';
import { KubeClient } from '../../../../src/adapters/kube.js';
import { AbortedError, ToolError } from '../../../../src/core/errors.js';
import { DEVICE_CODE, PLUGIN_TOKEN, execKubeconfig, writeFakePlugin } from '../../../support/exec-plugin.js';
import { FakeApiServer, kubeconfigYaml } from './fake-apiserver.js';

let dir: string;
let api: FakeApiServer;
let plugin: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-exec-plugin-'));
  api = await new FakeApiServer().start();
  plugin = writeFakePlugin(join(dir, 'bin'));
});
afterEach(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

function client(env: Record<string, string>, prompts: string[], onPrompt?: (line: string) => void): KubeClient {
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, execKubeconfig(api.url, plugin, env));
  return new KubeClient({ kubeconfig, runner: new ExecaRunner(), onPrompt: (line) => (prompts.push(line), onPrompt?.(line)) });
}

const TIMEOUT = 60_000;

describe('KubeClient.authenticate with an exec credential plugin', () => {
  test('the device code is shown while the plugin still waits; its token then authenticates every call', async () => {
    const go = join(dir, 'signed-in');
    const prompts: string[] = [];
    let settled = false;
    let sawCodeWhileWaiting = false;
    const kube = client({ FAKE_PLUGIN_MODE: 'wait', FAKE_PLUGIN_GO: go }, prompts, (line) => {
      if (line.includes(DEVICE_CODE)) {
        sawCodeWhileWaiting = !settled;
        writeFileSync(go, ''); // the student signs in only after seeing the code
      }
    });
    const controller = new AbortController();
    const plugin = await kube.authenticate({ signal: controller.signal, timeoutMs: TIMEOUT }).finally(() => (settled = true));
    expect(plugin).toBe('kubelogin');
    expect(sawCodeWhileWaiting).toBe(true);
    expect(prompts.join('\n')).toContain(DEVICE_CODE);
    expect(prompts.join('\n')).not.toContain(PLUGIN_TOKEN); // stdout (the credential) stays private

    await kube.ping(controller.signal);
    expect(api.requests.find((r) => r.path === '/version')?.auth).toBe(`Bearer ${PLUGIN_TOKEN}`);
  });

  test('the signal (Ctrl-C) ends the wait with AbortedError', async () => {
    const controller = new AbortController();
    const kube = client({ FAKE_PLUGIN_MODE: 'hang' }, [], (line) => {
      if (line.includes(DEVICE_CODE)) controller.abort();
    });
    const err = await kube.authenticate({ signal: controller.signal, timeoutMs: TIMEOUT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortedError);
  });

  test('a failing plugin is reported as the plugin’s failure, with its output and the fix', async () => {
    const kube = client({ FAKE_PLUGIN_MODE: 'fail' }, []);
    const err = await kube.authenticate({ signal: new AbortController().signal, timeoutMs: TIMEOUT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    const e = err as ToolError;
    expect(e.message).toMatch(/^the kubeconfig's credential plugin kubelogin failed: .*exited with code 1/);
    expect(e.hint).toContain('az login');
    expect(e.hint).toContain('kubelogin convert-kubeconfig -l azurecli');
    expect(e.details).toContain('AADSTS700082');
  });

  test('a plugin that is not installed says how to get it', async () => {
    const kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, execKubeconfig(api.url, join(dir, 'nowhere', 'kubelogin'), {}));
    const kube = new KubeClient({ kubeconfig, runner: new ExecaRunner() });
    const err = (await kube.authenticate({ signal: new AbortController().signal, timeoutMs: TIMEOUT }).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(/credential plugin kubelogin failed: kubelogin not found/);
    expect(err.hint).toContain('kubelogin convert-kubeconfig -l azurecli');
  });

  test('a user without a plugin needs no sign-in: nothing runs', async () => {
    const kubeconfig = join(dir, 'plain');
    writeFileSync(kubeconfig, kubeconfigYaml(api.url, 'tok'));
    const runner = { run: () => Promise.reject(new Error('must not run')) };
    expect(await new KubeClient({ kubeconfig, runner }).authenticate({ signal: new AbortController().signal, timeoutMs: TIMEOUT })).toBeUndefined();
  });
});
