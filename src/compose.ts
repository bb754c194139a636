// The composition root: the one place that decides which adapters and endpoints are wired. Steps
// never know whether they talk to AKS + ACR or to the sandbox — with --sandbox the very same real
// adapters are pointed at simulated servers and simulated tool executables.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { DockerCli } from './adapters/docker.js';
import { ExecaRunner } from './adapters/exec.js';
import { RetryingRunner } from './adapters/exec/retrying.js';
import { GitCli } from './adapters/git.js';
import { GradleWrapper } from './adapters/gradle.js';
import { HelmCli } from './adapters/helm.js';
import { FetchHttp } from './adapters/http.js';
import { KubeClient } from './adapters/kube.js';
import { AcrRegistry } from './adapters/registry/acr.js';
import { defaultCredential } from './adapters/registry/credential.js';
import { resolveSubscription } from './adapters/registry/subscription.js';
import type { Adapters, CommandRunner } from './adapters/types.js';
import type { Settings } from './config/schema.js';
import type { SandboxHandle } from './sandbox/contract.js';
import { startSandbox } from './sandbox/start.js';

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
  if (!sandbox) return { adapters: realAdapters(settings), settings, close: async () => {} };

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
    ...toolAdapters(runner, wired),
    kube: new KubeClient({ kubeconfig: sb.kubeconfig, context: sb.context }),
    registry: new AcrRegistry({ credential, subscriptionId: sb.arm.subscriptionId, endpoint: sb.arm.endpoint, allowInsecure: true }),
  };
  return { adapters, settings: wired, sandbox: sb, close: () => sb.close() };
}

function realAdapters(settings: Settings): Adapters {
  const runner = new ExecaRunner();
  return {
    ...toolAdapters(runner, settings),
    kube: new KubeClient({ kubeconfig: settings.kubeconfig, context: settings.context }),
    registry: new AcrRegistry({
      credential: defaultCredential(),
      resolveSubscription: (signal: AbortSignal) => resolveSubscription(runner, signal),
    }),
  };
}

function toolAdapters(execa: ExecaRunner, settings: Settings): Omit<Adapters, 'kube' | 'registry'> {
  // Idempotent tool commands (helm reads, repo, uninstall; docker push/login) retry transient failures.
  const runner: CommandRunner = new RetryingRunner(execa);
  return {
    helm: new HelmCli(runner, { kubeconfig: settings.kubeconfig, context: settings.context }),
    docker: new DockerCli(runner),
    gradle: new GradleWrapper(runner),
    git: new GitCli(runner),
    http: new FetchHttp(),
  };
}
