// The composition root: the one place that decides which adapters and endpoints are wired. Steps
// never know whether they talk to AKS + ACR or to the sandbox — with --sandbox the very same real
// adapters are pointed at simulated servers and simulated tool executables.
//
// Every adapter module is loaded with import() here, on first use, never at the top: client-node, the
// Azure SDK, execa and the sandbox together cost most of a second and ~100 MB, and `--help`,
// `--version`, `render`, `--dry-run` and input errors need none of them (test/unit/cli/startup.test.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import type { ExecaRunner } from './adapters/exec.js';
import type { Adapters } from './adapters/types.js';
import type { Settings } from './config/schema.js';
import type { SandboxHandle } from './sandbox/contract.js';

export interface Runtime {
  adapters: Adapters;
  /** Settings as wired (in the sandbox: its kubeconfig, context and workspace). */
  settings: Settings;
  sandbox?: SandboxHandle;
  close(): Promise<void>;
}

export interface SandboxChoice {
  profile: string;
  /** The user passed --workspace explicitly (otherwise the sandbox keeps its own). */
  workspaceGiven: boolean;
}

export function lifesubHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.LIFESUB_HOME && env.LIFESUB_HOME.length > 0 ? env.LIFESUB_HOME : join(homedir(), '.lifesub');
}

export async function compose(settings: Settings, sandbox?: SandboxChoice): Promise<Runtime> {
  if (!sandbox) return { adapters: await realAdapters(settings), settings, close: async () => {} };

  const [{ startSandbox }, { REGISTRY_VAR }, { sandboxRegistryFetch }, { ExecaRunner }, { KubeClient }, { AcrRegistry }] = await Promise.all([
    import('./sandbox/start.js'),
    import('./sandbox/env.js'),
    import('./sandbox/registry-fetch.js'),
    import('./adapters/exec.js'),
    import('./adapters/kube.js'),
    import('./adapters/registry/acr.js'),
  ]);
  const home = lifesubHome();
  const sb = await startSandbox({ home, profile: sandbox.profile, registries: [settings.registryName] });
  const wired: Settings = {
    ...settings,
    kubeconfig: sb.kubeconfig,
    context: sb.context,
    workspace: sandbox.workspaceGiven ? settings.workspace : join(sb.home, 'sandbox', 'workspace'),
  };
  const runner = new ExecaRunner({ env: sb.toolEnv });
  const credential: TokenCredential = {
    getToken: async () => ({ token: sb.arm.token, expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const adapters: Adapters = {
    ...(await toolAdapters(runner, wired)),
    kube: new KubeClient({ kubeconfig: sb.kubeconfig, context: sb.context }),
    registry: new AcrRegistry({
      credential,
      subscriptionId: sb.arm.subscriptionId,
      endpoint: sb.arm.endpoint,
      allowInsecure: true,
      // The registry hosts (<name>.azurecr.io) are all one local server, chosen by the Host header.
      fetch: sandboxRegistryFetch(sb.toolEnv[REGISTRY_VAR] as string),
    }),
  };
  return { adapters, settings: wired, sandbox: sb, close: () => sb.close() };
}

async function realAdapters(settings: Settings): Promise<Adapters> {
  const [{ ExecaRunner }, { KubeClient }, { AcrRegistry }, { defaultCredential }, { resolveSubscription }] = await Promise.all([
    import('./adapters/exec.js'),
    import('./adapters/kube.js'),
    import('./adapters/registry/acr.js'),
    import('./adapters/registry/credential.js'),
    import('./adapters/registry/subscription.js'),
  ]);
  const runner = new ExecaRunner();
  return {
    ...(await toolAdapters(runner, settings)),
    kube: new KubeClient({ kubeconfig: settings.kubeconfig, context: settings.context }),
    registry: new AcrRegistry({
      credential: defaultCredential(),
      resolveSubscription: (signal: AbortSignal) => resolveSubscription(runner, signal),
    }),
  };
}

async function toolAdapters(runner: ExecaRunner, settings: Settings): Promise<Omit<Adapters, 'kube' | 'registry'>> {
  const [{ HelmCli }, { DockerCli }, { GradleWrapper }, { GitCli }, { FetchHttp }] = await Promise.all([
    import('./adapters/helm.js'),
    import('./adapters/docker.js'),
    import('./adapters/gradle.js'),
    import('./adapters/git.js'),
    import('./adapters/http.js'),
  ]);
  return {
    helm: new HelmCli(runner, { kubeconfig: settings.kubeconfig, context: settings.context }),
    docker: new DockerCli(runner),
    gradle: new GradleWrapper(runner),
    git: new GitCli(runner),
    http: new FetchHttp(),
  };
}
