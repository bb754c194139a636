// `lifesub class status`: one row per student — the same readiness rules as `lifesub status`
// (src/status/collect.ts) — read-only: no lock, no write.
import type { Adapters, KubeObject } from '../adapters/types.js';
import { ID_LABEL, MANAGED_BY } from '../steps/ownership.js';
import { compose } from '../compose.js';
import { EXIT } from '../core/errors.js';
import { collectStatus, type Status } from '../status/collect.js';
import { classCommandLine, classRegistries, planClass, type ClassFlags } from './plan.js';
import { STAMP_CONFIGMAP, type ClassIo } from './up.js';

export interface StudentStatus {
  id: string;
  namespace: string;
  ready: boolean;
  web?: string;
  /** Seconds since the student's namespace was created. */
  ageS?: number;
  problem?: string;
}

/** What the last `class up` left for a student: finished (its stamp), failed (with the step and cause it reported), or nothing. */
export type LastRun = { finished: true } | { finished: false; failed?: string };

/**
 * Why a student's lab is not ready, in one line, from what status saw. `last`: what the last
 * `class up` recorded for this student (ConfigMap lifesub-class). `rerun(id)`: the command that sets
 * this student up again, as the instructor typed the class commands (roster, --sandbox). `cause`: the
 * cluster's own words for what is wrong (`status`'s causes), said instead of the bare ready counts.
 */
export function problemOf(
  status: Status,
  last: LastRun,
  { rerun = (id) => `lifesub class up --only ${id}`, cause }: { rerun?: (id: string) => string; cause?: string } = {},
): string | undefined {
  const again = `run \`${rerun(status.id)}\``;
  const unfinished = last.finished
    ? undefined
    : last.failed
      ? `the last \`class up\` failed for this student at ${last.failed} (${again})`
      : `the last \`class up\` did not finish for this student (${again})`;
  if (status.ready) return last.finished ? undefined : `ready, but ${unfinished}`;
  if (status.namespaceState === 'absent') return `not set up: no namespace (${again})`;
  if (status.namespaceState === 'not-lifesub') return `namespace ${status.namespace} was not created by lifesub for this ID`;
  if (status.namespaceState === 'terminating') return `namespace ${status.namespace} is being deleted`;
  const what = cause ?? whatIsMissing(status);
  return unfinished ? `${unfinished}: ${what}` : what;
}

/** The workloads, releases or addresses that keep the lab from being ready, when no cause was found. */
function whatIsMissing(status: Status): string {
  // A run that stopped before the workloads (a refused import, the databases): one phrase, not seven.
  if (status.workloads.length > 1 && status.workloads.every((w) => w.desired === 0)) return 'no workload created yet';
  const workloads = status.workloads
    .filter((w) => !w.rolledOut)
    .map((w) =>
      w.desired === 0
        ? `${w.kind} ${w.name} not created yet`
        : `${w.kind} ${w.name} ${w.ready}/${w.desired} ready${w.ready >= w.desired ? ', rollout not finished' : ''}${w.diagnosis ? `: ${w.diagnosis.summary}` : ''}`,
    );
  if (workloads.length > 0) return workloads.join(', ');
  const releases = status.releases.filter((r) => r.status !== 'deployed').map((r) => `Helm release ${r.name} ${r.status}`);
  if (releases.length > 0) return releases.join(', ');
  if (!status.addresses.web) return 'the frontend has no LoadBalancer address yet';
  if (!status.addresses.ingress) return 'the ingress controller has no address';
  return `not ready (see \`lifesub status --id ${status.id}\`)`;
}

/** `status`'s causes in the cluster's words, one line (workloads that cannot start, addresses that never come). */
function causeOf(status: Status): string | undefined {
  if (status.ready || status.namespaceState !== 'active' || !status.causes?.length) return undefined;
  return status.causes.map((c) => `${c.what}: ${c.cause}`).join('; ');
}

export async function studentStatus(
  settings: Parameters<typeof collectStatus>[0],
  adapters: Pick<Adapters, 'kube' | 'helm' | 'http'>,
  signal: AbortSignal,
  now = Date.now(),
  rerun?: (id: string) => string,
): Promise<StudentStatus> {
  // Forty students: the cluster's state only; `lifesub status --id` asks one student's URLs.
  const status = await collectStatus(settings, adapters, signal, { probe: false });
  const ns = await adapters.kube.get({ apiVersion: 'v1', kind: 'Namespace', name: settings.namespace }, signal);
  const stamp =
    status.namespaceState === 'active'
      ? await adapters.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: STAMP_CONFIGMAP, namespace: settings.namespace }, signal)
      : undefined;
  const created = ns?.metadata.creationTimestamp ? Date.parse(ns.metadata.creationTimestamp) : undefined;
  const cause = causeOf(status);
  const data = stamp?.data as Record<string, string> | undefined;
  const last: LastRun = data?.stamp ? { finished: true } : { finished: false, ...(data?.failed ? { failed: data.failed } : {}) };
  const problem = problemOf(status, last, { ...(rerun ? { rerun } : {}), ...(cause ? { cause } : {}) });
  return {
    id: settings.id,
    namespace: settings.namespace,
    ready: status.ready,
    ...(status.urls.web ? { web: status.urls.web } : {}),
    ...(created !== undefined && status.namespaceState !== 'absent' ? { ageS: Math.max(0, Math.round((now - created) / 1000)) } : {}),
    ...(problem ? { problem } : {}),
  };
}

function age(s: number | undefined): string {
  if (s === undefined) return '-';
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h`;
}

/** The table: text (aligned columns) or markdown (to paste for the students). */
export function formatStatusTable(rows: readonly StudentStatus[], format: 'text' | 'markdown'): string {
  const head = ['ID', 'NAMESPACE', 'READY', 'WEB', 'AGE', 'PROBLEM'];
  const cells = rows.map((r) => [r.id, r.namespace, r.ready ? 'yes' : 'no', r.web ?? '-', age(r.ageS), r.problem ?? '']);
  const summary = `${rows.filter((r) => r.ready).length} of ${rows.length} ready`;
  if (format === 'markdown') {
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...cells.map((c) => `| ${c.map(esc).join(' | ')} |`), '', summary].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const fmt = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...cells.map(fmt), summary].join('\n');
}

/**
 * `lifesub class status`: one row per selected student (read-only). Writes the table (text or markdown)
 * or one `class-status` JSON object to `io.stdout`. Returns EXIT.ok when every student is ready, else
 * EXIT.failed (1), as `lifesub status` does. Throws UserError for a bad roster or kubeconfig.
 */
export async function classStatus(flags: ClassFlags & { format?: string }, io: ClassIo): Promise<number> {
  const plan = planClass(flags);
  const runtime = await compose(
    plan.source,
    flags.sandbox ? { profile: flags.profile, workspaceGiven: flags.workspace !== undefined, registries: classRegistries(plan) } : undefined,
  );
  try {
    const signal = AbortSignal.timeout(120_000);
    const rows: StudentStatus[] = [];
    const rerun = rerunCommand(flags);
    // A few at a time: each is a handful of API reads and one `helm list`.
    for (let i = 0; i < plan.students.length; i += 8) {
      const batch = plan.students.slice(i, i + 8);
      rows.push(
        ...(await Promise.all(batch.map((s) => studentStatus({ ...runtime.settings, ...pickIds(s.settings) }, runtime.adapters, signal, Date.now(), rerun)))),
      );
    }
    // Labs lifesub set up for IDs this roster does not list (a student taken off it keeps running).
    const namespaces = await runtime.adapters.kube.list('v1', 'Namespace', undefined, { labelSelector: `${MANAGED_BY}=lifesub` }, signal);
    const others = labsNotInRoster(
      namespaces,
      plan.all.map((s) => s.settings.id),
    );
    if (flags.output === 'json')
      io.stdout.write(`${JSON.stringify({ type: 'class-status', students: rows, ...(others.length ? { notInRoster: others } : {}) })}\n`);
    else {
      io.stdout.write(`${formatStatusTable(rows, flags.format === 'markdown' ? 'markdown' : 'text')}\n`);
      if (others.length > 0 && flags.format !== 'markdown') io.stdout.write(`${formatNotInRoster(others, !!flags.sandbox)}\n`);
    }
    // Like `lifesub status`: a script can ask `class status && …` whether the whole class is ready.
    return rows.every((r) => r.ready) ? EXIT.ok : EXIT.failed;
  } finally {
    await runtime.close();
  }
}

/** Lab namespaces (labelled by lifesub with an ID) whose ID is not among `rosterIds`, sorted by ID. */
export function labsNotInRoster(namespaces: readonly KubeObject[], rosterIds: readonly string[]): Array<{ id: string; namespace: string }> {
  const known = new Set(rosterIds);
  return namespaces
    .flatMap((n) => {
      const id = n.metadata.labels?.[ID_LABEL];
      return id && !known.has(id) ? [{ id, namespace: n.metadata.name }] : [];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The line under the table about labs the roster does not list, with how to remove one. */
export function formatNotInRoster(others: ReadonlyArray<{ id: string; namespace: string }>, sandbox: boolean): string {
  const first = others[0]!.id;
  return `also on this cluster, not in this roster: ${others.map((o) => `${o.id} (${o.namespace})`).join(', ')} — \`lifesub down --id ${first}${sandbox ? ' --sandbox' : ''}\` removes one`;
}

/** `lifesub class up [--roster F] [--sandbox] --only <id>`, with the roster and world the instructor named. */
export const rerunCommand = (flags: Pick<ClassFlags, 'roster' | 'sandbox'>): ((id: string) => string) => classCommandLine(flags, 'up');

function pickIds(s: Parameters<typeof collectStatus>[0]) {
  return { id: s.id, namespace: s.namespace, registryName: s.registryName, loginServer: s.loginServer };
}
