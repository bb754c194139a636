// The one error `up`'s preflight fails with: every blocking problem at once, each with its fix.
// A UserError (exit 2, "fix the command") only when every problem is the user's input; else a
// ToolError (exit 1): the machine, the cluster or Azure has to change first.
import { ToolError, UserError } from '../core/errors.js';
import { blockers, preflightExitCode, type DoctorReport, type Reported } from './check.js';

/** The error for a report with blocking problems (call only when `blockers(report)` is not empty). */
export function preflightError(report: DoctorReport): UserError | ToolError {
  const problems = blockers(report);
  const [only] = problems;
  const message =
    problems.length === 1 && only
      ? only.what
      : `${problems.length} problems must be fixed before anything is changed: ${problems.map((p) => p.what).join('; ')}`;
  const hint =
    problems.length === 1 && only ? only.fix : 'fix each problem listed above, then run again (`lifesub doctor` checks everything without changing anything)';
  const details = problems.map(describe).join('\n');
  if (preflightExitCode(report) === 2) return Object.assign(new UserError(message, hint), { details });
  return new ToolError(message, hint, { details });
}

function describe(p: Reported, i: number): string {
  const lines = [`${i + 1}. ${p.what}`, `   why: ${p.why}`, `   fix: ${p.fix}`];
  if (p.details) lines.push(...p.details.split('\n').map((l) => `   > ${l}`));
  return lines.join('\n');
}
