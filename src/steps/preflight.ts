// First contact with the world, before anything in it changes. `up`: every doctor check at once (tools,
// the cluster, the registry, the workspace), and one failure that names every problem with its fix.
// `down`: the kubeconfig, the context and the API server only.
import type { Adapters } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { blockers, type DoctorReport } from '../doctor/check.js';
import { UP_CHECKS } from '../doctor/index.js';
import { EXEC_PLUGIN_TIMEOUT_MS } from '../doctor/kube.js';
import { preflightError } from '../doctor/preflight-error.js';
import { runChecks } from '../doctor/run.js';
import type { StepDefinition } from '../graph/step.js';

export { EXEC_PLUGIN_TIMEOUT_MS };

/** One run of the checks per set of adapters (per CLI run): the CLI may ask before the graph does. */
const reports = new WeakMap<Adapters, Promise<DoctorReport>>();

/**
 * The `up` checks' report for these adapters, run once and shared: run-graph-command asks before it
 * takes the run lock (a cluster write), the preflight step asks again and gets the same report.
 * Throws AbortedError on Ctrl-C (and then forgets it, so nothing stale is reused).
 */
export function upPreflightReport(adapters: Adapters, settings: Settings, signal: AbortSignal): Promise<DoctorReport> {
  let report = reports.get(adapters);
  if (!report) {
    report = runChecks(UP_CHECKS, { adapters, settings, signal });
    reports.set(adapters, report);
    report.catch(() => reports.delete(adapters));
  }
  return report;
}

/** True when nothing in `up`'s preflight blocks (warnings may remain). */
export async function upPreflightPasses(adapters: Adapters, settings: Settings, signal: AbortSignal): Promise<boolean> {
  return blockers(await upPreflightReport(adapters, settings, signal)).length === 0;
}

export const preflightStep: StepDefinition = {
  name: 'preflight',
  readOnly: true,
  title: 'Check tools, cluster, registry and workspace',
  plan: (settings) => [
    `check kubeconfig${settings.kubeconfig ? ` ${settings.kubeconfig}` : ''}, context ${settings.context ?? '(current)'} and that the API server answers`,
    `check helm (3.13+), the docker engine, git, a JDK for the build, registry ${settings.registryName} in Azure, workspace ${settings.workspace} and its free disk`,
  ],
  async run(ctx) {
    const report = await upPreflightReport(ctx.adapters, ctx.settings, ctx.signal);
    for (const f of report.findings) for (const p of f.problems.filter((q) => !q.blocking)) ctx.log(`warning: ${p.what} (${p.fix})`);
    if (blockers(report).length > 0) throw preflightError(report);
    const kube = report.findings.find((f) => f.check === 'kube');
    const passed = report.findings.filter((f) => f.status === 'ok' && f.check !== 'kube').length;
    return { message: [kube?.message, `${passed} other checks passed`].filter(Boolean).join('; ') };
  },
};

/**
 * `down`'s preflight: the cluster only (it builds nothing and pushes nothing). Its errors pass through
 * as the adapter raised them (a kubeconfig problem exits 2, a cluster that does not answer 1).
 */
export const clusterPreflightStep: StepDefinition = {
  name: 'preflight',
  readOnly: true,
  title: 'Check the Kubernetes connection',
  plan: (settings) => [
    `check kubeconfig${settings.kubeconfig ? ` ${settings.kubeconfig}` : ''}, context ${settings.context ?? '(current)'} and that the API server answers`,
  ],
  async run(ctx) {
    const { kube } = ctx.adapters;
    // An exec credential plugin (kubelogin) may show a device code and wait for the student to sign in.
    const plugin = kube.authenticate ? await kube.authenticate({ signal: ctx.signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS }) : undefined;
    const { context, server, version } = await kube.ping(ctx.signal);
    const via = plugin ? ` (signed in through ${plugin})` : '';
    return { message: `context ${context}, server ${server}, Kubernetes v${version.replace(/^v/, '')}${via}` };
  },
};
