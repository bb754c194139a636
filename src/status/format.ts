// `lifesub status` for people: one block per kind of thing, the reason and fix under whatever is not ready.
import type { Status } from './collect.js';

/** Text lines of a status; `context` names the kubeconfig context when known. */
export function formatStatus(s: Status, options: { sandbox: boolean; context?: string }): string {
  const where = `${options.context ? ` in context ${options.context}` : ''}${options.sandbox ? ' (SANDBOX)' : ''}`;
  if (!s.found) return nothingFound(s, where);
  const lines = [`id ${s.id}, namespace ${s.namespace} (${s.namespaceState})${where}`];
  lines.push('releases:');
  for (const r of s.releases) lines.push(`  ${mark(r.status === 'deployed')} ${r.name.padEnd(36)} ${r.chart ? `${r.status.padEnd(10)} ${r.chart}` : r.status}`);
  lines.push('workloads:');
  for (const w of s.workloads) {
    const count = w.desired === 0 ? 'missing' : `${w.ready}/${w.desired} ready`;
    lines.push(`  ${mark(w.rolledOut)} ${`${w.kind.toLowerCase()} ${w.name}`.padEnd(36)} ${count}`);
    for (const p of w.pods) lines.push(`      pod ${p.pod}: ${p.reason}${p.message ? ` — ${p.message}` : ''}`);
    if (w.diagnosis?.hint) lines.push(`      hint: ${w.diagnosis.hint}`);
  }
  if (s.causes?.length) {
    lines.push('causes:');
    for (const c of s.causes) lines.push(`  ${c.what}: ${c.cause}`, ...(c.hint ? [`    hint: ${c.hint}`] : []));
  }
  lines.push(`load balancers: ingress ${s.addresses.ingress ?? '(no address)'}, web ${s.addresses.web ?? '(no address)'}`);
  if (s.urls.web) lines.push(`web: ${s.urls.web}`);
  if (s.urls.api) lines.push(`api: ${s.urls.api}`);
  if (s.checks.length > 0) {
    lines.push('answers:');
    for (const c of s.checks)
      lines.push(
        `  ${mark(c.ok)} ${c.name.padEnd(16)} ${c.request}${c.status !== undefined ? ` → ${c.status}` : ''}${c.problem ? `\n      ${c.problem}` : ''}`,
      );
  }
  lines.push(s.ready ? 'ready' : `not ready — run \`lifesub up --id ${s.id}\` to repair, or see the reasons above`);
  return lines.join('\n');
}

function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}

function nothingFound(s: Status, where: string): string {
  if (s.namespaceState === 'not-lifesub') {
    return `nothing of lifesub's for ID ${s.id}${where}: namespace ${s.namespace} exists but was not created by lifesub for this ID`;
  }
  return `nothing found for ID ${s.id}${where}: no namespace ${s.namespace} (never set up, or removed). Check the ID with \`lifesub list\`, or run \`lifesub up --id ${s.id}\`.`;
}
