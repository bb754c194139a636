// Every word the progress views and the summary show, in one place: the translation layer (i18n)
// hooks in here. Functions, not templates, so each text keeps its parameters typed.
import type { ReportStatus } from '../graph/runner.js';

export const progressTexts = {
  /** Live list: a step that waits for other steps. */
  waitingFor: (needs: readonly string[]) => `waiting for ${needs.join(', ')}`,
  /** Live list: a step whose needs are done but whose pool (builds, pushes, helm) is full. */
  waitingForPool: (pool: string) => `waiting for a free ${pool} slot`,
  /** The status word of an ended step, in the live list and in plain lines. */
  ended: {
    done: 'done',
    skipped: 'already done',
    failed: 'failed',
    blocked: 'not run',
    cancelled: 'cancelled',
  } satisfies Record<ReportStatus, string>,
  started: 'start',
  /** Plain view: the status column of a live state, a step's own line and a tool's line. */
  statusLine: 'status',
  logLine: 'log',
  outputLine: 'output',
  /** Plain view: the step's own time limit, on its start line. */
  limit: (limit: string) => `limit ${limit}`,
  /** Why a step did not run. */
  blockedWhy: 'a step it needs did not finish',
  /** Heading of the full tool output of a failed step. */
  fullOutputOf: (step: string) => `output of ${step}:`,
  /** Plain view: how many tool lines were not shown (without --verbose). */
  hiddenLines: (n: number) => `(${n} earlier line${n === 1 ? '' : 's'} not kept)`,
};

export const summaryTexts = {
  finished: (command: string, took: string) => `${command} finished in ${took}`,
  notFinished: (command: string, took: string) => `${command} did not finish (${took})`,
  sandbox: 'SANDBOX: simulated, nothing real was touched',
  web: 'web',
  api: 'api',
  ready: 'ready',
  namespace: 'namespace',
  slowest: 'slowest',
  failedStep: 'failed',
  notRun: (n: number) => `${n} step${n === 1 ? '' : 's'} not run`,
  alreadyDone: (n: number) => `${n} already done`,
  next: 'next:',
  status: 'lifesub status',
  down: 'lifesub down',
  upAgain: 'lifesub up',
  /** `down`: what stays. */
  removed: (namespace: string) => `namespace ${namespace} is gone`,
};
