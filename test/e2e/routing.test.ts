// Routes on a shared ingress controller, against the sandbox through the built CLI: after `up`, the
// real frontend's calls (login, mysub categories, recommend categories) replayed from the served
// runtime-env.js reach the simulated controllers, for both lab variants; two IDs keep apart; a foreign
// Ingress on the same host+path is refused; a controller installed elsewhere by someone else is reused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchHttp } from '../../src/adapters/http.js';
import type { HttpResponse } from '../../src/adapters/types.js';
import { sandboxPaths } from '../../src/sandbox/home.js';
import { helmEnvironment } from '../../src/sandbox/kubeconfig.js';
import { e2eHelm, helmCachePath } from '../support/helm.js';
import { assertBuilt, explain, freshHome, killAllCli, removeHome, repoRoot, runCli, startServe, summaryOf, writeFile, type Serve } from '../support/cli.js';
import { eventually, get, list, objectApi } from './helpers/cluster.js';
import { realFailures, runUp } from './helpers/expect-run.js';

const http = new FetchHttp();
const opts = () => ({ signal: AbortSignal.timeout(10_000), timeoutMs: 5_000 });

/** The frontend's calls per lab variant (lifesub-web src/services/api.js at 32c82bb / 16734bb). */
const CALLS = {
  A: { login: '/api/auth/login', categories: '/api/mysub/categories', recommend: '/api/recommend/categories?userId=user01' },
  B: { login: '/login', categories: '/categories', recommend: '/categories?userId=user01' },
} as const;

interface Student {
  web: string;
  urls: Record<string, string>;
  /** host:port of the ingress controller (what nip.io would resolve the host to). */
  ingress: string;
}

/** Loads runtime-env.js as the browser does and notes the ingress address behind the nip.io host. */
async function student(web: string): Promise<Student> {
  const env = await http.request({ method: 'GET', url: `${web}/runtime-env.js` }, opts());
  expect(env.status).toBe(200);
  const urls = Object.fromEntries([...env.body.matchAll(/(\w+_URL)\s*:\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const u = new URL(urls.MEMBER_URL!);
  // Host mode: <id>.<ip>.nip.io; path mode: the ingress address itself.
  const ip = /^[^.]+\.(\d+\.\d+\.\d+\.\d+)\.nip\.io$/.exec(u.hostname)?.[1] ?? u.hostname;
  return { web, urls, ingress: `${ip}:${u.port || '80'}` };
}

/** One browser call: through the ingress address with the page's Origin (no DNS for nip.io here). */
function call(s: Student, method: 'GET' | 'POST', url: string, extra: { token?: string; body?: unknown } = {}): Promise<HttpResponse> {
  return http.request(
    {
      method,
      url,
      connectTo: s.ingress,
      headers: {
        Origin: s.web,
        ...(extra.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(extra.token ? { Authorization: `Bearer ${extra.token}` } : {}),
      },
      ...(extra.body !== undefined ? { body: JSON.stringify(extra.body) } : {}),
    },
    opts(),
  );
}

/** Logs in as the seeded user01 and calls the two category routes, as the real frontend does. */
async function replay(s: Student, variant: 'A' | 'B'): Promise<void> {
  const c = CALLS[variant];
  const login = await call(s, 'POST', `${s.urls.MEMBER_URL}${c.login}`, { body: { userId: 'user01', password: 'Passw0rd' } });
  expect(login.status, login.body).toBe(200);
  expect(login.headers?.['access-control-allow-origin']).toBe(s.web);
  const token = (JSON.parse(login.body) as { data: { accessToken: string } }).data.accessToken;
  for (const url of [`${s.urls.MYSUB_URL}${c.categories}`, `${s.urls.RECOMMEND_URL}${c.recommend}`]) {
    const res = await call(s, 'GET', url, { token });
    expect(res.status, `${url}: ${res.body}`).toBe(200);
    expect(res.headers?.['access-control-allow-origin']).toBe(s.web);
  }
}

function webOf(r: Awaited<ReturnType<typeof runUp>>): string {
  const web = summaryOf(r).urls?.web;
  expect(web, explain(r)).toBeDefined();
  return web!;
}

describe('routes on one shared sandbox controller (built CLI)', () => {
  let home: string;
  let env: Record<string, string>;
  let serve: Serve | undefined;
  let api: KubernetesObjectApi;
  let alice: Student;

  beforeAll(async () => {
    assertBuilt();
    home = freshHome('routing');
    env = { LIFESUB_HOME: home };
    serve = await startServe(env, { args: ['--profile', 'fast'] });
    api = objectApi(serve.kubeconfig);
  });
  afterAll(async () => {
    await serve?.stop();
    killAllCli();
    removeHome(home);
  });

  it("variant B (today's lifesub-web): the frontend's calls reach the controllers through the student's host", async () => {
    const r = await runUp('alice', { env: { ...env, LIFESUB_SANDBOX_LAB_VARIANT: 'B' }, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(0);
    alice = await student(webOf(r));
    expect(alice.urls.MEMBER_URL).toMatch(/^http:\/\/alice\.127\.0\.0\.1\.nip\.io:\d+\/api\/auth$/);
    await replay(alice, 'B');
  }, 120_000);

  it("variant A (the guide's lifesub-web) with path routing (no wildcard DNS): bare bases under /<id>, same routes", async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'lifesub-ws-a-'));
    const config = writeFile(home, 'path-mode.yaml', 'routing:\n  mode: path\n  domain: nip.io\n');
    const r = await runUp('carla', { env: { ...env, LIFESUB_SANDBOX_LAB_VARIANT: 'A' }, timeoutMs: 90_000 }, '--workspace', workspace, '--config', config);
    expect(r.code, explain(r)).toBe(0);
    const carla = await student(webOf(r));
    expect(carla.urls.MEMBER_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/carla$/);
    await replay(carla, 'A');
  }, 120_000);

  it("two IDs: with alice's member scaled to 0, bob's login still answers through his own host", async () => {
    const r = await runUp('bobby', { env, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(0);
    const bob = await student(webOf(r));
    await api.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'member', namespace: 'alice-lifesub-ns' }, spec: { replicas: 0 } },
      undefined,
      undefined,
      undefined,
      undefined,
      'application/merge-patch+json' as never,
    );
    const body = { userId: 'user01', password: 'Passw0rd' };
    await eventually(
      async () => (await call(alice, 'POST', `${alice.urls.MEMBER_URL}/login`, { body })).status === 503,
      20_000,
      "alice's member to stop answering",
    );
    const res = await call(bob, 'POST', `${bob.urls.MEMBER_URL}/login`, { body });
    expect(res.status, res.body).toBe(200);
  }, 120_000);

  it('a foreign Ingress claiming the same host+path is refused before anything is routed, naming its namespace', async () => {
    const ip = alice.ingress.split(':')[0];
    await api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'intruder' } });
    await api.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'grab', namespace: 'intruder' },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: `dora.${ip}.nip.io`,
            http: { paths: [{ path: '/api/auth', pathType: 'Prefix', backend: { service: { name: 'x', port: { number: 80 } } } }] },
          },
        ],
      },
    } as never);
    const r = await runUp('dora', { env, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(realFailures(r).map((f) => f.step)).toEqual(['routes']);
    expect(r.stderr + r.stdout).toMatch(/Ingress grab in namespace intruder already claims dora\.127\.0\.0\.1\.nip\.io\/api\/auth/);
    expect(await get(api, 'networking.k8s.io/v1', 'Ingress', 'backend-ingress', 'dora-lifesub-ns')).toBeUndefined();
  }, 120_000);

  it('URLs in the wrong convention for the cloned frontend (a bad override) fail the smoke check, naming the route and the cause', async () => {
    const config = writeFile(
      home,
      'wrong-convention.yaml',
      'frontend:\n  apiClient: src/services/api.js\n  apiBasePaths: { member: "", mysub: "", recommend: "" }\ntimeouts:\n  smoke: 4s\n',
    );
    const r = await runUp('erin', { env: { ...env, LIFESUB_SANDBOX_LAB_VARIANT: 'B' }, timeoutMs: 150_000 }, '--config', config);
    expect(r.code, explain(r)).toBe(1);
    expect(realFailures(r).map((f) => f.step)).toEqual(['smoke']);
    expect(r.stderr + r.stdout).toMatch(
      /POST <MEMBER_URL>\/login \(http:\/\/erin\.127\.0\.0\.1\.nip\.io:\d+\/login\) → status 404 from the ingress controller: no ingress route/,
    );
  }, 180_000);
});

describe('an ingress-nginx installed beforehand by someone else (built CLI)', () => {
  let home: string;
  let serve: Serve | undefined;

  beforeAll(async () => {
    assertBuilt();
    home = freshHome('reuse');
    serve = await startServe({ LIFESUB_HOME: home }, { args: ['--profile', 'fast'] });
  });
  afterAll(async () => {
    await serve?.stop();
    killAllCli();
    removeHome(home);
  });

  it('is reused wherever it is: no second install, no ingress-basic namespace', async () => {
    const paths = sandboxPaths(home);
    const served = JSON.parse(readFileSync(paths.serveFile, 'utf8')) as { charts: string };
    // Someone else's controller, installed by a real helm from the sandbox's chart repository.
    const helmEnv = { ...process.env, ...helmEnvironment(paths.helmDir), KUBECONFIG: serve!.kubeconfig };
    const binary = e2eHelm() ?? helmCachePath(4);
    const helm = (...args: string[]) => execFileSync(binary, args, { env: helmEnv, encoding: 'utf8' });
    helm('repo', 'add', 'platform-charts', `${served.charts}/ingress-nginx`);
    helm('install', 'shared', 'platform-charts/ingress-nginx', '-n', 'platform', '--create-namespace', '--version', '4.12.1');

    const r = await runUp('frank', { env: { LIFESUB_HOME: home }, timeoutMs: 90_000 });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain('using the existing controller: service shared-ingress-nginx-controller in platform, release shared');
    const api = objectApi(serve!.kubeconfig);
    expect(await get(api, 'v1', 'Namespace', 'ingress-basic')).toBeUndefined();
    expect(
      JSON.parse(helm('list', '-A', '-o', 'json'))
        .map((x: { name: string }) => x.name)
        .sort(),
    ).toEqual(['member', 'mysub', 'recommend', 'shared']);
    expect((await list(api, 'networking.k8s.io/v1', 'IngressClass')).map((o) => o.metadata.name)).toEqual(['nginx']);

    // status finds the same controller: ready, with the student's API root on it.
    const st = await runCli(['status', '--id', 'frank', '--sandbox', '--output', 'json'], { env: { LIFESUB_HOME: home }, timeoutMs: 30_000 });
    expect(st.code, explain(st)).toBe(0);
    expect(st.events[0]).toMatchObject({ type: 'status', ready: true, urls: { api: summaryOf(r).urls?.api } });
    expect(summaryOf(r).urls?.api).toMatch(/^http:\/\/frank\.127\.0\.0\.1\.nip\.io:\d+$/);
  }, 150_000);
});
