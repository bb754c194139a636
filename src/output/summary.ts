// The closing lines a person reads after `up`/`down`: where the app is and where the time went.
import type { StepReport } from '../graph/runner.js';

const mark: Record<StepReport['status'], string> = {
  done: 'done',
  skipped: 'skipped',
  failed: 'FAILED',
  blocked: 'not run',
  cancelled: 'cancelled',
};

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export function formatSummary(input: {
  ok: boolean;
  command: string;
  namespace: string;
  reports: readonly StepReport[];
  urls: { web?: string; api?: string; apis?: Record<string, string> };
  durationMs: number;
  sandbox: boolean;
  /** The kubeconfig of a cluster that stays up after the command (the background sandbox): prints the kubectl line. */
  kubeconfig?: string;
}): string {
  const width = Math.max(...input.reports.map((r) => r.name.length), 4);
  const lines = [
    '',
    `${input.command} ${input.ok ? 'finished' : 'did not finish'} in ${formatDuration(input.durationMs)}${input.sandbox ? ' (SANDBOX — simulated, nothing real was touched)' : ''}`,
  ];
  for (const r of input.reports) {
    const msg = r.message ? `  ${r.message}` : '';
    lines.push(`  ${r.name.padEnd(width)}  ${mark[r.status].padEnd(9)} ${formatDuration(r.durationMs).padStart(7)}${msg}`);
  }
  if (input.urls.web) lines.push('', `  web: ${input.urls.web}`);
  // Each backend's base as the frontend calls it; the bare root answers 404 (no Ingress rule routes it).
  const apis = Object.entries(input.urls.apis ?? {});
  apis.forEach(([service, url], i) => lines.push(`  ${i === 0 ? 'api:' : '    '} ${url}  (${service})`));
  if (apis.length === 0 && input.urls.api) lines.push(`  api: ${input.urls.api}`);
  lines.push(`  namespace: ${input.namespace}`);
  if (input.kubeconfig) lines.push(`  KUBECONFIG=${input.kubeconfig} kubectl get pods -n ${input.namespace}`);
  return lines.join('\n');
}
