// A small fake `up`: steps with needs, a pool, tool output, an already-done step and (optionally) a
// failure, run by the real runner into the real views. Steps only await promises (no timers), and the
// clock advances one second per reading, so every rendering is the same on every machine.
import { Writable } from 'node:stream';
import type { Adapters } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { runGraph, type GraphResult } from '../../../src/graph/runner.js';
import type { Step, StepContext } from '../../../src/graph/step.js';
import { NdjsonSink, nullSink, type EventSink } from '../../../src/output/events.js';
import type { Progress } from '../../../src/output/progress.js';
import { testSettings } from '../../fakes/context.js';

const noAdapters = new Proxy(
  {},
  {
    get: (_t, p) => {
      throw new Error(`unexpected adapter use: ${String(p)}`);
    },
  },
) as Adapters;

/** 2026-11-30T08:00:00Z, then one second later at each reading. */
export function steppingClock(): () => number {
  let t = Date.UTC(2026, 10, 30, 8, 0, 0);
  return () => (t += 1000);
}

/** A writable that keeps what it is given, shaped like a terminal of `columns` × `rows` when `tty`. */
export function capture(tty: boolean, columns = 80, rows = 60): Writable & { text(): string; isTTY?: boolean; columns?: number; rows?: number } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  }) as Writable & { text(): string; isTTY?: boolean; columns?: number; rows?: number };
  out.text = () => chunks.join('');
  if (tty) Object.assign(out, { isTTY: true, columns, rows });
  return out;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function step(name: string, title: string, needs: string[], run: (ctx: StepContext) => Promise<unknown>, extra: Partial<Step> = {}): Step {
  return { name, title, needs, plan: () => [], run: run as Step['run'], ...extra };
}

/** The fake graph: chart-repos ─┬─ database:member ─┐
 *                  repos ─ jars ─ image:member (builds pool) ─┴─ readiness ─ smoke */
export function fakeSteps(options: { failImage?: boolean } = {}): Step[] {
  return [
    step('repos', 'Get the lab sources', [], async (ctx) => {
      ctx.log('cloning https://github.com/cna-bootcamp/lifesub.git (branch k8s)');
      await tick();
      return { skipped: 'both repositories already present' };
    }),
    step(
      'chart-repos',
      'Add the Helm chart repositories',
      [],
      async (ctx) => {
        ctx.output('"bitnami" has been added to your repositories');
        await tick();
        return { message: 'ingress-nginx, bitnami' };
      },
      { timeout: 'helm' },
    ),
    step(
      'jars',
      'Build the backend jars',
      ['repos'],
      async (ctx) => {
        for (const task of ['compileJava', 'processResources', 'classes', 'bootJar', 'build']) ctx.output(`> Task :member:${task}`);
        ctx.output('\u001b[32mBUILD SUCCESSFUL\u001b[39m in 1s');
        await tick();
        return { message: 'member.jar' };
      },
      { pool: 'builds', timeout: 'build' },
    ),
    step(
      'database:member',
      'Install database member',
      ['chart-repos'],
      async (ctx) => {
        ctx.output('Release "member" does not exist. Installing it now.');
        ctx.output('STATUS: deployed');
        await tick();
        return { message: 'member (postgresql-14.3.2)' };
      },
      { pool: 'helm', timeout: 'helm' },
    ),
    step(
      'image:member',
      'Build image member',
      ['jars'],
      async (ctx) => {
        ctx.output('#1 [internal] load build definition from Dockerfile');
        ctx.output('#2 [1/2] FROM openjdk:23-slim\r#2 DONE 0.4s');
        ctx.output('#3 exporting to image');
        await tick();
        if (options.failImage) throw new ToolError('docker build exited with code 1', 'read the build output above');
        return { message: 'democr.azurecr.io/lifesub/member:1.0.0' };
      },
      { pool: 'builds', timeout: 'build' },
    ),
    step(
      'readiness',
      'Wait until everything runs',
      ['database:member', 'image:member'],
      async (ctx) => {
        ctx.status('0/2 ready; waiting for member, member-postgresql');
        await tick();
        ctx.log('deployment member is ready (1/1 ready)');
        ctx.status('1/2 ready; waiting for member-postgresql');
        await tick();
        return { message: '2 workloads ready' };
      },
      { timeout: 'readiness' },
    ),
    step('smoke', 'Check the application answers', ['readiness'], async () => ({ message: 'the page and 1 API route answer' })),
  ];
}

/** Runs the fake graph with this view and event sink. */
export async function runFake(progress: Progress, options: { failImage?: boolean; events?: EventSink; now?: () => number } = {}): Promise<GraphResult> {
  return runGraph(fakeSteps(options), {
    settings: testSettings(),
    adapters: noAdapters,
    signal: new AbortController().signal,
    events: options.events ?? nullSink,
    progress,
    now: options.now ?? steppingClock(),
  });
}

export { NdjsonSink };

/** Escape sequences (CSI, OSC) and the spinner frames of listr2. */
export const ESCAPE = /\u001b/;
export const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
