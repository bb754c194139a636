// What the runner tells whoever shows progress. The runner (src/graph/runner.ts) schedules steps and
// reports each change here; it never draws. Three views implement it: a listr2 list for a terminal
// (tty-progress.ts), one line per event for pipes and CI (plain-progress.ts), and nothing for
// `--output json` (NDJSON events are written by the EventSink instead).
import type { Writable } from 'node:stream';
import type { StepReport } from '../graph/runner.js';

/** A step as the views need it: its stable name, what the user reads, what it waits for. */
export interface StepInfo {
  name: string;
  title: string;
  needs: readonly string[];
  /** The step's own time limit (from config.timeouts), shown next to its elapsed time. */
  limitMs?: number;
}

/** Why a step has not started yet: the steps it still needs, or a free slot in its pool. */
export type WaitReason = { needs: readonly string[] } | { pool: string };

export interface Progress {
  /** The run begins with these steps (in dependency order); none has started. Resolves once the first frame can be drawn. */
  begin(steps: readonly StepInfo[]): void | Promise<void>;
  /** The step cannot start yet; called again whenever the reason changes. */
  waiting(step: string, reason: WaitReason): void;
  /** The step is running from `at` (epoch ms) on. */
  started(step: string, at: number): void;
  /** A short live state of a running step (e.g. the workloads still pending); replaces the previous one. */
  status(step: string, text: string): void;
  /** A line the step itself wrote (what it decided, what it is waiting for). */
  log(step: string, line: string): void;
  /** A line of a tool the step runs (build, push, helm): collapsed unless --verbose or the step fails. */
  output(step: string, line: string): void;
  /** The step ended (done, already done, failed, not run, cancelled). */
  ended(report: StepReport): void;
  /** The run is over: the last frame is drawn and the terminal released. */
  end(): Promise<void>;
}

/** Shows nothing (`--output json`, tests). */
export const silentProgress: Progress = {
  begin() {},
  waiting() {},
  started() {},
  status() {},
  log() {},
  output() {},
  ended() {},
  end: async () => {},
};

export interface ProgressChoice {
  output: 'text' | 'json';
  verbose: boolean;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

/**
 * The view for this run: nothing for JSON; one line per event when stdout is not a terminal, `CI` is
 * set, or with --verbose (every tool line, which a redrawn list cannot hold); otherwise the live list.
 * `NO_COLOR` (https://no-color.org) turns colours off in the live list; the plain view has none.
 */
export async function chooseProgress(choice: ProgressChoice, now: () => number = Date.now): Promise<Progress> {
  if (choice.output === 'json') return silentProgress;
  const live = !!choice.stdout.isTTY && !choice.env.CI && !choice.verbose;
  if (!live) {
    const { PlainProgress } = await import('./plain-progress.js');
    return new PlainProgress(choice.stdout, { verbose: choice.verbose, now });
  }
  const { TtyProgress } = await import('./tty-progress.js');
  return new TtyProgress(choice.stdout, { color: !choice.env.NO_COLOR, now });
}
