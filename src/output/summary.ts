// The closing lines a person reads after `up`/`down`: where the app is, whether it is ready, where
// the time went, and what to run next. Not the list of steps again (the progress showed them). Fits
// `width` columns (default 80): values wrap between items; a URL or a command is never broken — one
// that cannot fit next to its label goes on its own line, and one longer than the width stays whole.
import type { StepReport } from '../graph/runner.js';
import { summaryTexts as t } from './texts.js';
import { formatDuration } from './time.js';

export { formatDuration } from './time.js';

export interface SummaryInput {
  ok: boolean;
  command: 'up' | 'down';
  id: string;
  namespace: string;
  reports: readonly StepReport[];
  /** `web`: the frontend's URL; `api`: the root the student's API routes hang off (Facts.urls). */
  urls: { web?: string; api?: string };
  /** Backend service → the path its base URL ends with (Facts.apiBasePaths): `api` + path answers. */
  apiBasePaths?: Record<string, string>;
  /** Workloads readiness saw ready, with their counts (Facts.workloads). */
  workloads?: ReadonlyArray<{ name: string; ready: string }>;
  durationMs: number;
  sandbox: boolean;
  /** Flags the next commands must repeat to reach the same cluster (e.g. ['--sandbox'], ['--context', 'aks']). */
  targetFlags?: readonly string[];
  /**
   * The slot for the kubectl line's credentials: the kubeconfig kubectl needs when it is not the
   * default one (the background sandbox's), printed as `export KUBECONFIG=<path>` before it.
   */
  kubeconfig?: string;
  /** The kubeconfig context, when not the current one (`kubectl --context`). */
  kubeContext?: string;
  width?: number;
}

const LABEL = 12; // "  namespace" and a space: the column values start in

export function formatSummary(input: SummaryInput): string {
  const width = input.width ?? 80;
  const took = formatDuration(input.durationMs);
  const command = `lifesub ${input.command}`;
  const lines = ['', input.ok ? t.finished(command, took) : t.notFinished(command, took)];
  if (input.sandbox) lines.push(t.sandbox);
  lines.push('');
  const row = (label: string, values: readonly string[]): void => {
    lines.push(...wrapRow(label, values, width));
  };

  const failed = input.reports.find((r) => r.status === 'failed');
  if (failed) row(t.failedStep, [`${failed.name}: ${failed.message ?? ''}`.trim()]);
  const notRun = input.reports.filter((r) => r.status === 'blocked' || r.status === 'cancelled').length;
  if (notRun > 0) row('', [t.notRun(notRun)]);

  if (input.command === 'up') {
    if (input.urls.web) row(t.web, [input.urls.web]);
    if (input.urls.api) row(t.api, apiLines(input.urls.api, input.apiBasePaths, width));
    if (input.workloads && input.workloads.length > 0) row(t.ready, input.workloads.map((w) => `${w.name} ${w.ready},`).map(lastWithoutComma));
  }
  row(t.namespace, [input.namespace]);
  const slowest = [...input.reports]
    .filter((r) => r.status === 'done' || r.status === 'failed' || r.status === 'skipped')
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 3)
    .map((r, i, all) => `${r.name} ${formatDuration(r.durationMs)}${i < all.length - 1 ? ',' : ''}`);
  if (slowest.length > 0) row(t.slowest, slowest);

  lines.push('', t.next);
  for (const c of nextCommands(input)) lines.push(c.length + 2 <= width ? `  ${c}` : c);
  return lines.join('\n');
}

/** Each base URL when they fit next to the label or on their own lines; else the root and the paths. */
function apiLines(root: string, basePaths: Record<string, string> | undefined, width: number): string[] {
  const paths = Object.values(basePaths ?? {});
  if (paths.length === 0) return [root];
  const urls = paths.map((p) => `${root}${p}`);
  if (urls.every((u) => u.length + 2 <= width)) return urls.map((u) => `${u}\n`);
  return [`${root}\n`, '+', ...paths.map((p, i) => `${p}${i < paths.length - 1 ? ',' : ''}`)];
}

function lastWithoutComma(value: string, i: number, all: string[]): string {
  return i === all.length - 1 ? value.replace(/,$/, '') : value;
}

/**
 * Lines of `label value value …`, wrapped between values at `width`. A value ending in "\n" ends its
 * line. A value too long for the value column gets a line of its own from column 2 (whole, if longer).
 */
function wrapRow(label: string, values: readonly string[], width: number): string[] {
  const out: string[] = [];
  const indent = ' '.repeat(LABEL);
  let line = `  ${label}`.padEnd(LABEL);
  let has = false;
  const flush = (): void => {
    out.push(line.trimEnd());
    line = indent;
    has = false;
  };
  for (const raw of values) {
    const hard = raw.endsWith('\n');
    const value = hard ? raw.slice(0, -1) : raw;
    if (LABEL + value.length > width) {
      if (has || line.trim() !== '') flush();
      out.push(value.length + 2 <= width ? `  ${value}` : value);
      continue;
    }
    if (has && line.length + 1 + value.length > width) flush();
    line += has ? ` ${value}` : value;
    has = true;
    if (hard) flush();
  }
  if (has || line.trim() !== '') flush();
  return out;
}

/** What to run next: look at it, remove it (or set it up again), and see the pods with kubectl. */
function nextCommands(input: SummaryInput): string[] {
  const flags = input.targetFlags && input.targetFlags.length > 0 ? ` ${input.targetFlags.join(' ')}` : '';
  const id = `--id ${input.id}${flags}`;
  const kubectlContext = input.kubeContext ? ` --context ${input.kubeContext}` : '';
  const kubectl = [...(input.kubeconfig ? [`export KUBECONFIG=${input.kubeconfig}`] : []), `kubectl get pods -n ${input.namespace}${kubectlContext}`];
  if (input.command === 'down') return input.ok ? [`${t.upAgain} ${id}`] : [`${t.down} ${id}`, `${t.status} ${id}`];
  if (!input.ok) return [`${t.upAgain} ${id}`, `${t.status} ${id}`, ...kubectl];
  return [`${t.status} ${id}`, `${t.down} ${id}`, ...kubectl];
}
