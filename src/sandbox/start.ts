// Sandbox start-up. Either attach to a running `lifesub sandbox serve` (owned=false; foreground, or the
// background one src/sandbox/background.ts starts), or start the
// registry, fake ARM, Helm chart repository and API server in this process on stable ports (owned=true) under the owner
// lock, write the kubeconfig and hand back the environment for the tool shims.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { startApiServer as realStartApiServer } from './apiserver/index.js';
import { ensureRegistries, liveServe, runningServe, sameServerFaults, serverFaults, type ServeInfo } from './attach.js';
import { registerClient } from './clients.js';
import { FAULTS_VAR } from './env.js';
import { SANDBOX_SUBSCRIPTION, startArmServer } from './arm/server.js';
import type { ApiServerHandle, ApiServerOptions, Faults, SandboxHandle, SandboxOptions } from './contract.js';
import { packageCharts, repointSandboxRepositories, startChartRepoServer } from './charts/index.js';
import { loadFaults } from './faults.js';
import { sandboxPaths, type SandboxPaths } from './home.js';
import { SANDBOX_CONTEXT, helmEnvironment, toolEnvironment, writeKubeconfig } from './kubeconfig.js';
import { lockHolder, tryLock, unlock } from './lock.js';
import { loadPorts, savePorts } from './ports.js';
import { loadProfile } from './profile.js';
import { RegistryStore, StoreImageCatalog, startRegistryServer } from './registry/index.js';
import { loadOrCreateTokens } from './tokens.js';

export interface StartDeps {
  startApiServer?: (options: ApiServerOptions) => Promise<ApiServerHandle>;
  /** How long to wait for another process's lock before giving up. */
  lockWaitMs?: number;
}

/** Attaches to a served sandbox or starts one owned by this process. */
export async function startSandbox(options: SandboxOptions, deps: StartDeps = {}): Promise<SandboxHandle> {
  return acquire(options, deps, true);
}

/** A sandbox this process serves, with its endpoints (what serve.json advertises). */
export interface OwnedSandbox extends SandboxHandle {
  endpoints: { apiserver: string; registry: string; arm: string; charts: string };
}

/** Starts a sandbox owned by this process (for `lifesub sandbox serve`); never attaches. */
export async function startOwnedSandbox(options: SandboxOptions, deps: StartDeps = {}): Promise<OwnedSandbox> {
  return (await acquire(options, deps, false)) as OwnedSandbox;
}

/** How much longer a command waits for a serve process that is alive but slow to answer. */
const BUSY_SERVE_GRACE_MS = 30_000;

async function acquire(options: SandboxOptions, deps: StartDeps, mayAttach: boolean): Promise<SandboxHandle | OwnedSandbox> {
  loadProfile(options.profile ?? 'fast'); // an unknown name is a usage error before anything starts
  const paths = sandboxPaths(options.home);
  mkdirSync(paths.dir, { recursive: true });
  const deadline = Date.now() + (deps.lockWaitMs ?? 3000);
  for (;;) {
    const served = await liveServe(paths.serveFile);
    if (served && mayAttach) return attach(options, paths, served);
    if (served) {
      throw new UserError(
        `the sandbox in ${paths.dir} is already served by process ${served.pid}`,
        'use that one (lifesub --sandbox attaches to it) or stop it with Ctrl-C in its terminal',
      );
    }
    if (tryLock(paths.lockFile, mayAttach ? 'cli' : 'serve')) break;
    // A serve process is alive but did not answer in time: it is busy (five students' helm installs at
    // once), not gone. Give it longer rather than fail with "in use" (seen once in 15 bench trials).
    const busyServe = mayAttach && runningServe(paths.serveFile) !== undefined;
    if (Date.now() > (busyServe ? deadline + BUSY_SERVE_GRACE_MS : deadline)) {
      throw new UserError(
        `the sandbox in ${paths.dir} is in use by another lifesub process (pid ${lockHolder(paths.lockFile) ?? '?'})`,
        'wait for it to finish, or run `lifesub sandbox serve` in another terminal so several commands can share the sandbox',
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await startOwned(options, paths, deps);
  } catch (err) {
    unlock(paths.lockFile);
    throw err;
  }
}

async function attach(options: SandboxOptions, paths: SandboxPaths, served: ServeInfo): Promise<SandboxHandle> {
  // The served API server has its own profile and faults: a command asking for others would silently
  // run in another world than it asked for. (The background sandbox is restarted before we get here.)
  const faults = loadFaults();
  const mismatch = servedMismatch(served, options.profile, process.env[FAULTS_VAR] ? faults : undefined);
  if (mismatch) {
    throw new UserError(
      `the sandbox in ${paths.dir} is served by process ${served.pid} with ${mismatch.served}, but this command asks for ${mismatch.wanted}`,
      served.mode === 'background'
        ? 'run `lifesub sandbox stop` first (the next --sandbox command starts it again as asked), or run this command without --profile/LIFESUB_SANDBOX_FAULTS to use it as it is'
        : 'stop that `lifesub sandbox serve` (Ctrl-C in its terminal) and start it again as asked, or run this command without --profile/LIFESUB_SANDBOX_FAULTS to use it as it is',
    );
  }
  const { armToken } = loadOrCreateTokens(paths.tokensFile);
  await ensureRegistries(served.arm, armToken, present(options.registries, faults));
  const unregister = registerClient(paths.clientsDir);
  // Without a fault file of its own, the command's tools see the served sandbox's (one world, one set of faults).
  const env = process.env[FAULTS_VAR] || !served.faultsFile ? process.env : { ...process.env, [FAULTS_VAR]: served.faultsFile };
  return {
    home: options.home,
    kubeconfig: served.kubeconfig,
    context: SANDBOX_CONTEXT,
    toolEnv: toolEnvironment(paths, served.registry, served.profile, env),
    arm: { endpoint: served.arm, subscriptionId: SANDBOX_SUBSCRIPTION, token: armToken },
    charts: served.charts,
    profile: loadProfile(served.profile),
    owned: false,
    served: { mode: served.mode ?? 'foreground', pid: served.pid },
    close: async () => unregister(),
  };
}

/**
 * How a served sandbox differs from what a command asks for, in words; undefined when it does not.
 * `profile` undefined and `faults` undefined (no LIFESUB_SANDBOX_FAULTS) accept whatever is served.
 * `faultsFile` is the command's fault file (default: LIFESUB_SANDBOX_FAULTS); faults the served process
 * reads live (attach.ts) match when it reads them from that same file.
 */
export function servedMismatch(
  served: ServeInfo,
  profile: string | undefined,
  faults: Faults | undefined,
  faultsFile: string | undefined = process.env[FAULTS_VAR],
): { served: string; wanted: string } | undefined {
  const servedFaults = served.faults ?? {};
  const profileDiffers = profile !== undefined && profile !== served.profile;
  // A serve.json written before faults were recorded there says nothing about them: accept it.
  const faultsDiffer = faults !== undefined && served.faults !== undefined && !sameServerFaults(faults, servedFaults, faultsFile, served.faultsFile);
  if (!profileDiffers && !faultsDiffer) return undefined;
  const describe = (p: string, f: Faults | undefined, file: string | undefined) =>
    [
      profileDiffers ? `profile ${p}` : undefined,
      faultsDiffer ? (f && Object.keys(serverFaults(f)).length ? `the faults of ${file ?? 'its fault file'}` : 'no faults') : undefined,
    ]
      .filter(Boolean)
      .join(' and ');
  const sameFile = faultsFile !== undefined && served.faultsFile !== undefined && path.resolve(faultsFile) === path.resolve(served.faultsFile);
  return {
    // The same file edited since: say which contents, not the same path twice.
    served: describe(served.profile, servedFaults, sameFile ? `${served.faultsFile} as it was when it started` : served.faultsFile),
    wanted: describe(profile ?? served.profile, faults, sameFile ? `${faultsFile} as it is now` : faultsFile),
  };
}

async function startOwned(options: SandboxOptions, paths: SandboxPaths, deps: StartDeps): Promise<OwnedSandbox> {
  const profile = loadProfile(options.profile ?? 'fast');
  const faults = loadFaults();
  const tokens = loadOrCreateTokens(paths.tokensFile);
  const store = RegistryStore.load(paths.registryFile);
  for (const name of present(options.registries, faults)) store.ensure(name);
  const ports = loadPorts(paths.portsFile);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    const registry = await startRegistryServer({ store, port: ports.registry, armToken: tokens.armToken });
    closers.push(registry.close);
    const arm = await startArmServer({
      store,
      token: tokens.armToken,
      port: ports.arm,
      missing: faults.registryMissing,
      importRefused: () => loadFaults().importRefused ?? [],
    });
    closers.push(arm.close);
    const charts = await startChartRepoServer(await packageCharts(paths.chartsDir), ports.charts);
    closers.push(charts.close);
    repointSandboxRepositories(helmEnvironment(paths.helmDir).HELM_REPOSITORY_CONFIG, charts.url);
    const apiOptions: ApiServerOptions = {
      stateFile: paths.stateFile,
      port: ports.apiserver ?? 0,
      profile,
      faults,
      images: new StoreImageCatalog(store, paths.imagesDir),
      token: tokens.apiToken,
    };
    const start = deps.startApiServer ?? realStartApiServer;
    const api = await start(apiOptions).catch((err: NodeJS.ErrnoException) => {
      // The remembered port is taken (another program): any free port will do.
      if (err.code === 'EADDRINUSE' && apiOptions.port !== 0) return start({ ...apiOptions, port: 0 });
      throw err;
    });
    closers.push(api.close);
    savePorts(paths.portsFile, { apiserver: api.port, registry: registry.port, arm: arm.port, charts: charts.port });
    writeKubeconfig(paths.kubeconfig, api.url, tokens.apiToken);

    let closing: Promise<void> | undefined;
    return {
      home: options.home,
      kubeconfig: paths.kubeconfig,
      context: SANDBOX_CONTEXT,
      toolEnv: toolEnvironment(paths, registry.url, profile.name),
      arm: { endpoint: arm.url, subscriptionId: SANDBOX_SUBSCRIPTION, token: tokens.armToken },
      charts: charts.url,
      profile,
      owned: true,
      endpoints: { apiserver: api.url, registry: registry.url, arm: arm.url, charts: charts.url },
      close: () =>
        (closing ??= (async () => {
          await closeAll();
          store.save();
          unlock(paths.lockFile);
        })()),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** The registries to create: all but those a fault says the subscription lacks. */
function present(names: string[], faults: Faults): string[] {
  const missing = new Set((faults.registryMissing ?? []).map((n) => n.toLowerCase()));
  return names.filter((n) => !missing.has(n.toLowerCase()));
}
