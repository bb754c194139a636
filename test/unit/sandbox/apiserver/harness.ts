// Shared set-up for the API server tests: a tiny-duration profile, a server on a random port with its
// state in a temporary directory, and a client-node KubeConfig pointing at it.
import { KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiServerHandle, Faults, Profile } from '../../../../src/sandbox/contract.js';
import { startApiServer } from '../../../../src/sandbox/apiserver/index.js';

export const TOKEN = 'test-token-123';

export function testProfile(overrides: Partial<Profile['durations']> = {}): Profile {
  return {
    name: 'test',
    scale: 1,
    durations: {
      apiLatency: 0,
      loadBalancer: 50,
      podStart: 30,
      springBootReady: 60,
      nginxReady: 20,
      postgresReady: 60,
      ingressControllerReady: 40,
      pvcBind: 20,
      namespaceTerminate: 150,
      gitClone: 1,
      gradleBuild: 1,
      dockerBuildBackend: 1,
      dockerBuildFrontend: 1,
      dockerPush: 1,
      dockerLogin: 1,
      helmRepo: 1,
      helmInstall: 1,
      helmUninstall: 1,
      ...overrides,
    },
  };
}

export interface TestCluster {
  server: ApiServerHandle;
  kc: KubeConfig;
  dir: string;
  stateFile: string;
  /** Images the simulated registry holds (public images are always pullable). */
  images: Set<string>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function kubeConfigFor(url: string, token = TOKEN): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sandbox', server: url, skipTLSVerify: true }],
    users: [{ name: 'sandbox', token }],
    contexts: [{ name: 'sandbox', cluster: 'sandbox', user: 'sandbox', namespace: 'default' }],
    currentContext: 'sandbox',
  });
  return kc;
}

export async function startTestCluster(opts: { faults?: Faults; profile?: Profile; dir?: string } = {}): Promise<TestCluster> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lifesub-apiserver-'));
  const stateFile = join(dir, 'cluster.json');
  const images = new Set<string>();
  const start = (port = 0): Promise<ApiServerHandle> =>
    startApiServer({
      stateFile,
      port,
      profile: opts.profile ?? testProfile(),
      faults: opts.faults ?? {},
      images: { hasImage: (ref) => !ref.includes('.azurecr.io/') || images.has(ref) },
      token: TOKEN,
    });
  const cluster: TestCluster = {
    server: await start(),
    kc: undefined as unknown as KubeConfig,
    dir,
    stateFile,
    images,
    async restart() {
      await cluster.server.close();
      cluster.server = await start(cluster.server.port);
      cluster.kc = kubeConfigFor(cluster.server.url);
    },
    async close() {
      await cluster.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.kc = kubeConfigFor(cluster.server.url);
  return cluster;
}

/** Polls until `probe` returns a truthy value (or throws the last error after `ms`). */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Raw HTTP to the server (for Status bodies and headers exactly as sent). */
export async function api(
  server: ApiServerHandle,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* plain text (logs) */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export function deployment(name: string, image: string, extra: Record<string, unknown> = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image, ...extra }] },
      },
    },
  };
}
