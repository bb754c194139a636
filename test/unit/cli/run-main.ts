// Runs the commander program in-process with captured stdout/stderr and a chosen terminal/env.
import { Writable } from 'node:stream';
import { main } from '../../../src/cli/main.js';
import type { Io } from '../../../src/cli/run-graph-command.js';

export interface MainResult {
  code: number;
  out: string;
  err: string;
}

function sink(into: { text: string }): Writable {
  return new Writable({
    write(chunk, _enc, cb) {
      into.text += String(chunk);
      cb();
    },
  });
}

/** `lifesub <argv…>` in this process; `io` may add a terminal. */
export async function runMain(argv: string[], extra: Partial<Pick<Io, 'terminal'>> = {}): Promise<MainResult> {
  const out = { text: '' };
  const err = { text: '' };
  const code = await main(argv, { stdout: sink(out), stderr: sink(err), ...extra });
  return { code, out: out.text, err: err.text };
}
