// Asking before destructive work. Nobody is asked when a CI runner is in charge or stdin is not a
// terminal: then the command needs --yes (exit 2, nothing changed), like `terraform apply` without -auto-approve.
import { createInterface } from 'node:readline/promises';
import { UserError } from '../core/errors.js';
import { t } from '../i18n/translate.js';
import type { Terminal } from './target.js';

/** A yes/no question on this process's terminal (stderr, so stdout stays machine-readable); true for y/yes. */
export async function askOnTerminal(question: string, signal: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${t(question)} [y/N] `, { signal });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/**
 * True when the user agreed (or passed --yes). Throws UserError (exit 2) when there is nobody to ask:
 * `CI` is set, or stdin/stdout is not a terminal. `terminal.ask` replaces the prompt in tests.
 */
export async function confirm(question: string, yes: boolean, signal: AbortSignal, terminal: Terminal = processTerminal()): Promise<boolean> {
  if (yes) return true;
  if (!interactive(terminal)) {
    const why = terminal.env['CI'] ? 'CI is set' : 'stdin is not a terminal';
    throw new UserError(`${question} — nobody to ask (${why}); nothing was changed`, 'pass --yes to confirm non-interactively');
  }
  return (terminal.ask ?? askOnTerminal)(question, signal);
}

/** Somebody can be asked: stdin and stdout are terminals and no CI runner is in charge. */
export function interactive(t: Terminal): boolean {
  return t.stdinTTY && t.stdoutTTY && !t.env['CI'];
}

/** This process's terminal and environment. */
export function processTerminal(): Terminal {
  return { stdinTTY: !!process.stdin.isTTY, stdoutTTY: !!process.stdout.isTTY, env: process.env };
}
