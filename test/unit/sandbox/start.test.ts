import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterEach, describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { ApiServerHandle, ApiServerOptions, SandboxHandle } from '../../../src/sandbox/contract.js';
import { sandboxPaths } from '../../../src/sandbox/home.js';
import { shimDir } from '../../../src/sandbox/package-root.js';
import { serveSandbox } from '../../../src/sandbox/serve.js';
import { startSandbox } from '../../../src/sandbox/start.js';
import { requireBuilt } from './tools/harness.js';

const open: SandboxHandle[] = [];
const homes: string[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function home(): string {
  const h = mkdtempSync(path.join(tmpdir(), 'lifesub-home-'));
  homes.push(h);
  return h;
}

async function start(h: string, registries = ['democr'], deps = {}): Promise<SandboxHandle> {
  const handle = await startSandbox({ home: h, profile: 'fast', registries }, deps);
  open.push(handle);
  return handle;
}

async function armList(handle: SandboxHandle): Promise<Array<{ name: string; properties: { loginServer: string } }>> {
  const res = await fetch(
    `${handle.arm.endpoint}/subscriptions/${handle.arm.subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2025-11-01`,
    {
      headers: { authorization: `Bearer ${handle.arm.token}` },
    },
  );
  return ((await res.json()) as { value: Array<{ name: string; properties: { loginServer: string } }> }).value;
}

describe('startSandbox (owned)', () => {
  test('starts the servers, writes the kubeconfig and the tool environment', async () => {
    const h = home();
    const sb = await start(h);
    expect(sb.owned).toBe(true);
    expect(sb.home).toBe(h);
    const kc = parse(readFileSync(sb.kubeconfig, 'utf8')) as any;
    expect(kc['current-context']).toBe('lifesub-sandbox');
    expect(sb.context).toBe('lifesub-sandbox');
    expect(kc.clusters[0].cluster).toMatchObject({ 'insecure-skip-tls-verify': true });
    const server: string = kc.clusters[0].cluster.server;
    expect(server).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const version = await fetch(`${server}/version`, { headers: { authorization: `Bearer ${kc.users[0].user.token}` } });
    expect(version.status).toBe(200);

    expect(sb.toolEnv.PATH?.split(path.delimiter)[0]).toBe(shimDir);
    expect(sb.toolEnv).toMatchObject({
      LIFESUB_SANDBOX_HOME: path.join(h, 'sandbox'),
      LIFESUB_SANDBOX_PROFILE: 'fast',
      KUBECONFIG: sb.kubeconfig,
      DOCKER_CONFIG: path.join(h, 'sandbox', 'docker'),
    });
    expect(sb.toolEnv.LIFESUB_SANDBOX_REGISTRY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await armList(sb)).map((r) => r.properties.loginServer)).toEqual(['democr.azurecr.io']);
  });

  test('ports, tokens and registry credentials are stable across restarts', async () => {
    const h = home();
    const first = await start(h);
    const kc1 = readFileSync(first.kubeconfig, 'utf8');
    const registry1 = first.toolEnv.LIFESUB_SANDBOX_REGISTRY;
    const pw1 = readFileSync(sandboxPaths(h).registryFile, 'utf8');
    await first.close();
    const second = await start(h);
    expect(readFileSync(second.kubeconfig, 'utf8')).toBe(kc1);
    expect(second.toolEnv.LIFESUB_SANDBOX_REGISTRY).toBe(registry1);
    expect(second.arm.token).toBe(first.arm.token);
    expect(JSON.parse(readFileSync(sandboxPaths(h).registryFile, 'utf8')).registries.democr.passwords).toEqual(JSON.parse(pw1).registries.democr.passwords);
  });

  test("a second owner is refused with a UserError; a dead owner's lock is taken over", async () => {
    const h = home();
    await start(h);
    await expect(startSandbox({ home: h, profile: 'fast', registries: [] }, { lockWaitMs: 200 })).rejects.toBeInstanceOf(UserError);

    const other = home();
    const paths = sandboxPaths(other);
    mkdirSync(paths.dir, { recursive: true });
    // A pid far above pid_max: certainly not running.
    writeFileSync(paths.lockFile, JSON.stringify({ pid: 2 ** 30, purpose: 'cli' }));
    const taken = await start(other, [], { lockWaitMs: 200 });
    expect(taken.owned).toBe(true);
  });

  test('an unknown profile is a UserError before anything starts', async () => {
    await expect(startSandbox({ home: home(), profile: 'warp', registries: [] })).rejects.toThrow(/unknown sandbox profile 'warp'/);
  });

  test('the API server gets the registry catalog, state file and token; failures stop what started', async () => {
    const h = home();
    let seen: ApiServerOptions | undefined;
    const fake = async (o: ApiServerOptions): Promise<ApiServerHandle> => {
      seen = o;
      throw new Error('api server failed to start');
    };
    await expect(startSandbox({ home: h, profile: 'fast', registries: ['democr'] }, { startApiServer: fake })).rejects.toThrow('api server failed');
    expect(seen?.stateFile).toBe(sandboxPaths(h).stateFile);
    expect(seen?.images.hasImage('docker.io/bitnami/postgresql:16.2.0')).toBe(true);
    expect(seen?.images.hasImage('democr.azurecr.io/lifesub/member:1.0.0')).toBe(false);
    expect(existsSync(sandboxPaths(h).lockFile)).toBe(false);
  });
});

describe('serveSandbox and attaching', () => {
  test('a served sandbox is attached to (owned=false) and its registry list grows on demand', async () => {
    const h = home();
    const controller = new AbortController();
    let served: SandboxHandle | undefined;
    const ready = new Promise<void>((resolve) => {
      void serveSandbox({ home: h, profile: 'fast', registries: ['democr'] }, controller.signal, (handle) => {
        served = handle;
        resolve();
      }).then(() => (stopped = true));
    });
    let stopped = false;
    await ready;
    const paths = sandboxPaths(h);
    expect(JSON.parse(readFileSync(paths.serveFile, 'utf8'))).toMatchObject({ pid: process.pid, kubeconfig: served?.kubeconfig });

    const attached = await start(h, ['alicecr']);
    expect(attached.owned).toBe(false);
    expect(attached.kubeconfig).toBe(served?.kubeconfig);
    expect(attached.toolEnv.LIFESUB_SANDBOX_REGISTRY).toBe(served?.toolEnv.LIFESUB_SANDBOX_REGISTRY);
    expect((await armList(attached)).map((r) => r.name).sort()).toEqual(['alicecr', 'democr']);
    await attached.close();
    expect((await armList(served!)).length).toBe(2);

    await expect(serveSandbox({ home: h, profile: 'fast', registries: [] }, new AbortController().signal)).rejects.toThrow(/already served/);
    controller.abort();
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped).toBe(true);
    expect(existsSync(paths.serveFile)).toBe(false);
    expect(existsSync(paths.lockFile)).toBe(false);
  });
});

describe('the Helm chart repository of a started sandbox', () => {
  test('serves index.yaml and the packaged stand-in chart per upstream repository; 404 for others', async () => {
    const h = home();
    const sb = await start(h);
    const index = parse(await (await fetch(`${sb.charts}/ingress-nginx/index.yaml`)).text()) as any;
    expect(Object.keys(index.entries)).toEqual(['ingress-nginx']);
    const [entry] = index.entries['ingress-nginx'];
    expect(entry).toMatchObject({ name: 'ingress-nginx', version: '4.12.1', apiVersion: 'v2', urls: ['ingress-nginx-4.12.1.tgz'] });
    const tgz = Buffer.from(await (await fetch(`${sb.charts}/ingress-nginx/${entry.urls[0]}`)).arrayBuffer());
    expect(createHash('sha256').update(tgz).digest('hex')).toBe(entry.digest);
    const bitnami = parse(await (await fetch(`${sb.charts}/bitnami/index.yaml`)).text()) as any;
    expect(bitnami.entries.postgresql.map((e: { version: string }) => e.version)).toEqual(['14.3.2']);
    expect((await fetch(`${sb.charts}/bitnami/ingress-nginx-4.12.1.tgz`)).status).toBe(404);
    expect((await fetch(`${sb.charts}/stable/index.yaml`)).status).toBe(404);
    // helm's own files stay in the sandbox
    for (const v of ['HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME', 'HELM_REPOSITORY_CONFIG', 'HELM_REPOSITORY_CACHE', 'KUBECACHEDIR']) {
      expect(sb.toolEnv[v], v).toMatch(new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/sandbox/helm/`));
    }
  });

  test("a chart repository that had to move ports takes the sandbox helm's repository entries along", async () => {
    const h = home();
    const first = await start(h);
    const repoConfig = first.toolEnv.HELM_REPOSITORY_CONFIG!;
    mkdirSync(path.dirname(repoConfig), { recursive: true });
    writeFileSync(
      repoConfig,
      `apiVersion: ""\nrepositories:\n- name: bitnami\n  url: http://127.0.0.1:1/bitnami\n- name: other\n  url: https://example.com/charts\n`,
    );
    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await start(h);
    const repos = (parse(readFileSync(repoConfig, 'utf8')) as any).repositories;
    expect(repos).toEqual([
      { name: 'bitnami', url: `${second.charts}/bitnami` },
      { name: 'other', url: 'https://example.com/charts' },
    ]);
  });
});
