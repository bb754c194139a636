// The doctor report for people (plain text, no colour or escape codes, at most 80 columns) and for
// programs (one JSON object). The same words preflight uses, so a student sees one vocabulary.
import { blockers, type DoctorReport, type Finding, type Reported } from './check.js';

/** Lines are wrapped to this width (a lab VM's terminal, CI logs). */
export const WIDTH = 80;

const MARK: Record<Finding['status'], string> = { ok: 'ok', warn: 'warn', fail: 'FAIL', skipped: 'skip' };

/**
 * Text report: one line per check (`ok   helm       v3.17.3 (helm)`), each problem below its check
 * with what/why/fix, and a last line saying whether anything blocks `lifesub up`.
 */
export function formatReport(report: DoctorReport, header: string): string {
  const lines = [...wrap(header, '', '')];
  const nameWidth = Math.max(...report.findings.map((f) => f.check.length));
  for (const f of report.findings) {
    const lead = `${MARK[f.status].padEnd(4)} ${f.check.padEnd(nameWidth)}  `;
    // A check that passed says what it found; one that did not says what it checks (its problems follow).
    const text = f.status === 'skipped' ? `${f.title}: skipped, ${f.skipped ?? ''}` : f.status === 'ok' && f.message ? f.message : f.title;
    lines.push(...wrap(text, lead, ' '.repeat(lead.length)));
    for (const p of f.problems) lines.push(...problemLines(p, ' '.repeat(lead.length)));
  }
  const blocking = blockers(report).length;
  const warnings = report.findings.flatMap((f) => f.problems).length - blocking;
  const tail =
    blocking > 0
      ? `${blocking} ${blocking === 1 ? 'problem blocks' : 'problems block'} \`lifesub up\`; fix ${blocking === 1 ? 'it' : 'them'} and run \`lifesub doctor\` again.`
      : `Nothing blocks \`lifesub up\`${warnings > 0 ? ` (${warnings} ${warnings === 1 ? 'warning' : 'warnings'})` : ''}.`;
  lines.push(...wrap(tail, '', ''));
  return lines.join('\n');
}

function problemLines(p: Reported, indent: string): string[] {
  return [
    ...wrap(`${p.blocking ? 'problem' : 'warning'}: ${p.what}`, indent, `${indent}  `),
    ...wrap(`why: ${p.why}`, indent, `${indent}     `),
    ...wrap(`fix: ${p.fix}`, indent, `${indent}     `),
  ];
}

/** The JSON form: `{type: "doctor", ok, blocking, checks: [finding…]}` (one line). */
export function reportJson(report: DoctorReport, extra: Record<string, unknown> = {}): string {
  const blocking = blockers(report).length;
  return JSON.stringify({ type: 'doctor', ok: blocking === 0, blocking, ...extra, checks: report.findings });
}

/**
 * Word-wraps `text` to WIDTH: the first line starts with `first`, the others with `rest`. A word longer
 * than a line (a path, a URL) stays whole on a line of its own rather than being cut.
 */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && candidate.length > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}
