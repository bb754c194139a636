// The composition root: the one place that decides which adapters and endpoints are wired. Steps
// never know whether they talk to AKS + ACR or to the sandbox — with --sandbox the very same real
// adapters are pointed at simulated servers, a real helm and simulated tool executables.
//
// Every adapter module is loaded with import() here, on first use, never at the top: client-node, the
// Azure SDK, execa and the sandbox together cost most of a second and ~100 MB, and `--help`,
// `--version`, `render`, `--dry-run` and input errors need none of them (test/e2e/startup.test.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import type { ExecaRunner } from './adapters/exec.js';
import type { Adapters, CommandRunner } from './adapters/types.js';
import { WriteLog, trackWrites } from './adapters/write-log.js';
import type { Settings } from './config/schema.js';
import type { SandboxHandle } from './sandbox/contract.js';

export interface Runtime {
  adapters: Adapters;
  /** Settings as wired (in the sandbox: its kubeconfig, context and workspace). */
  settings: Settings;
  sandbox?: SandboxHandle;
  /** Every change the adapters made to the world during this run (decides whether exit 2 is honest). */
  writes: WriteLog;
  close(): Promise<void>;
}

export interface SandboxChoice {
  /** Latency profile; undefined (no --profile): the running sandbox's, else fast. */
  profile?: string;
  /** The user passed --workspace explicitly (otherwise the sandbox keeps its own). */
  workspaceGiven: boolean;
  /** Registries that must exist in the simulated subscription (default: the ID's own). `lifesub class` names the class's. */
  registries?: string[];
}

export function lifesubHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.LIFESUB_HOME && env.LIFESUB_HOME.length > 0 ? env.LIFESUB_HOME : join(homedir(), '.lifesub');
}

export async function compose(settings: Settings, sandbox?: SandboxChoice): Promise<Runtime> {
  const writes = new WriteLog();
  if (!sandbox) return { adapters: trackWrites(await realAdapters(settings), writes), settings, writes, close: async () => {} };

  const [
    { startSandbox },
    { backgroundWanted, ensureBackground },
    { REGISTRY_VAR },
    { sandboxRegistryFetch },
    { sandboxGradlew, sandboxJava },
    { ExecaRunner },
    { KubeClient },
    { AcrRegistry },
    { GradleWrapper },
  ] = await Promise.all([
    import('./sandbox/start.js'),
    import('./sandbox/background.js'),
    import('./sandbox/env.js'),
    import('./sandbox/registry-fetch.js'),
    import('./sandbox/package-root.js'),
    import('./adapters/exec.js'),
    import('./adapters/kube.js'),
    import('./adapters/registry/acr.js'),
    import('./adapters/gradle.js'),
  ]);
  const home = lifesubHome();
  const options = { home, profile: sandbox.profile, registries: sandbox.registries ?? [settings.registryName] };
  // Like kind or minikube, the simulated world outlives the command (LIFESUB_SANDBOX_BACKGROUND=0: it
  // lives in this process instead); startSandbox then attaches to it.
  if (backgroundWanted()) await ensureBackground(options, { notify: (line) => process.stderr.write(`${line}\n`) });
  const sb = await startSandbox(options);
  // The configured chart repositories are served by the sandbox (stand-in charts, same versions).
  const wired: Settings = {
    ...settings,
    config: {
      ...settings.config,
      ingress: { ...settings.config.ingress, repoUrl: `${sb.charts}/ingress-nginx` },
      postgres: { ...settings.config.postgres, repoUrl: `${sb.charts}/bitnami` },
    },
    kubeconfig: sb.kubeconfig,
    context: sb.context,
    workspace: sandbox.workspaceGiven ? settings.workspace : join(sb.home, 'sandbox', 'workspace'),
  };
  const runner = new ExecaRunner({ env: sb.toolEnv });
  const credential: TokenCredential = {
    getToken: async () => ({ token: sb.arm.token, expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const adapters: Adapters = {
    ...(await toolAdapters(runner, wired, true)),
    // The sandbox's Gradle and JDK, also for real clones given with --workspace: their ./gradlew would
    // download Gradle and write ~/.gradle, and the machine's JDK is not part of the simulated world.
    gradle: new GradleWrapper(runner, { executable: sandboxGradlew, java: sandboxJava }),
    kube: new KubeClient({ kubeconfig: sb.kubeconfig, context: sb.context }),
    registry: new AcrRegistry({
      credential,
      subscriptionId: sb.arm.subscriptionId,
      endpoint: sb.arm.endpoint,
      allowInsecure: true,
      // The registry hosts (<name>.azurecr.io) are all one local server, chosen by the Host header.
      fetch: sandboxRegistryFetch(sb.toolEnv[REGISTRY_VAR] as string),
      // The fake ARM finishes an import at once; ARM's Retry-After would only make the tests wait.
      pollIntervalMs: 20,
    }),
  };
  return { adapters: trackWrites(adapters, writes), settings: wired, sandbox: sb, writes, close: () => sb.close() };
}

async function realAdapters(settings: Settings): Promise<Adapters> {
  const [{ ExecaRunner }, { KubeClient }, { AcrRegistry }, { defaultCredential }, { resolveAccount }] = await Promise.all([
    import('./adapters/exec.js'),
    import('./adapters/kube.js'),
    import('./adapters/registry/acr.js'),
    import('./adapters/registry/credential.js'),
    import('./adapters/registry/subscription.js'),
  ]);
  const runner = new ExecaRunner();
  return {
    ...(await toolAdapters(runner, settings, false)),
    // A credential plugin's prompts (kubelogin's device code) must reach the student in every output mode.
    kube: new KubeClient({ kubeconfig: settings.kubeconfig, context: settings.context, runner, onPrompt: (line) => process.stderr.write(`${line}\n`) }),
    registry: new AcrRegistry({
      credential: defaultCredential(),
      resolveAccount: (signal: AbortSignal) => resolveAccount(runner, signal),
    }),
  };
}

async function toolAdapters(runner: ExecaRunner, settings: Settings, sandbox: boolean): Promise<Omit<Adapters, 'kube' | 'registry'>> {
  const [{ HelmCli }, { resolveHelmBinary }, { DockerCli }, { GradleWrapper }, { GitCli }, { FetchHttp }, { RetryingRunner }] = await Promise.all([
    import('./adapters/helm.js'),
    import('./adapters/helm-binary.js'),
    import('./adapters/docker.js'),
    import('./adapters/gradle.js'),
    import('./adapters/git.js'),
    import('./adapters/http.js'),
    import('./adapters/exec/retrying.js'),
  ]);
  // Idempotent tool commands (helm reads, repo, uninstall; docker push/login) retry transient failures.
  const retrying: CommandRunner = new RetryingRunner(runner);
  const configured = process.env.LIFESUB_HELM || settings.config.tools?.helm;
  const resolve = (signal: AbortSignal) => resolveHelmBinary({ runner, configured, sandbox, home: lifesubHome() }, signal);
  // Which helm to run is settled now, while the first steps run, not when chart-repos — first on the
  // ingress chain, the longest of a cold `up` — first calls helm: a `helm version` (and, in the
  // sandbox's first run, extracting the bundled helm, seconds). The first helm call takes this answer;
  // a failed one is forgotten by HelmCli and the call after it resolves again, with its own signal.
  let early: Promise<string> | undefined = resolve(new AbortController().signal);
  early.catch(() => undefined);
  const binary = (signal: AbortSignal): Promise<string> => {
    const answer = early ?? resolve(signal);
    early = undefined;
    return answer;
  };
  return {
    helm: new HelmCli(retrying, { kubeconfig: settings.kubeconfig, context: settings.context, binary }),
    docker: new DockerCli(retrying),
    // gradlew runs $JAVA_HOME/bin/java when JAVA_HOME is set: check that JDK.
    gradle: new GradleWrapper(retrying, { javaHome: process.env.JAVA_HOME || undefined }),
    git: new GitCli(retrying),
    http: new FetchHttp(),
    host: new (await import('./adapters/host.js')).LocalHost(),
  };
}
