// What a doctor check is and what it reports. `lifesub doctor` prints these; `up`'s preflight step runs
// the same checks and fails once, naming every problem, before anything is cloned, created or installed.
import type { Adapters } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';

/**
 * Whose move it is: `input` — the user's flags, configuration file or environment (exit 2 when every
 * problem is one: nothing was changed, fix the command); `world` — the machine, the cluster or Azure
 * (a tool missing, a cluster that does not answer, not signed in: exit 1).
 */
export type Origin = 'input' | 'world';

/** One thing in the way, said the way a student can act on it. */
export interface Problem {
  /** What is wrong, with the values found: "no `helm` on PATH". */
  what: string;
  /** Why it matters for `up`: "the ingress controller and the databases are installed with Helm". */
  why: string;
  /** What to run or change. */
  fix: string;
  origin: Origin;
  /** false: worth knowing, `up` can still succeed (a warning). Default true. */
  blocking?: boolean;
  /** The tool's own last words (redacted stderr tail), when it said more than one line. */
  details?: string;
}

/** What one check found. */
export interface CheckOutcome {
  /** A short result when all is well (or alongside warnings): "v3.17.3 (helm on PATH)". */
  message?: string;
  /** The check did not apply: why ("pass --id to check the registry"). */
  skipped?: string;
  problems?: Problem[];
}

export interface CheckContext {
  settings: Settings;
  adapters: Adapters;
  /** Fires on Ctrl-C or when the check's own time limit is over. */
  signal: AbortSignal;
}

export interface Check {
  /** Stable machine name: "helm", "kube". */
  name: string;
  /** What is being checked, for people: "Helm 3.13 or newer". */
  title: string;
  /** The check's own limit (default DEFAULT_CHECK_TIMEOUT_MS); a check that needs a person (a sign-in) sets more. */
  timeoutMs?: number;
  /** Why `up` needs this, for the problem a timeout becomes. */
  why: string;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

/** 15 s: every check is one local process or one round trip (the kube check's sign-in has its own limit). */
export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;

export type FindingStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** A check's outcome as reported. `fail` when any problem blocks, `warn` when only warnings. */
export interface Finding {
  check: string;
  title: string;
  status: FindingStatus;
  message?: string;
  skipped?: string;
  problems: Reported[];
}

/** A problem as reported: `blocking` decided. */
export type Reported = Problem & { blocking: boolean };

/** Every finding, in the order of the checks. */
export interface DoctorReport {
  findings: Finding[];
}

/** The blocking problems of a report, in check order. */
export function blockers(report: DoctorReport): Reported[] {
  return report.findings.flatMap((f) => f.problems.filter((p) => p.blocking));
}

/** Preflight's exit code: 0 when nothing blocks `up`, 2 when every blocker is the user's input, 1 otherwise (see Origin). */
export function preflightExitCode(report: DoctorReport): 0 | 1 | 2 {
  const blocking = blockers(report);
  if (blocking.length === 0) return 0;
  return blocking.every((p) => p.origin === 'input') ? 2 : 1;
}
