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
  urls: { web?: string; api?: string };
  durationMs: number;
  sandbox: boolean;
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
  if (input.urls.api) lines.push(`  api: ${input.urls.api}  (/api/auth, /api/mysub, /api/recommend)`);
  lines.push(`  namespace: ${input.namespace}`);
  return lines.join('\n');
}
