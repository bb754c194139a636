// Asking before destructive work. Without a terminal (CI) there is nobody to ask: require --yes.
import { createInterface } from 'node:readline/promises';
import { UserError } from '../core/errors.js';
import { t } from '../i18n/translate.js';

export async function confirm(question: string, yes: boolean, signal: AbortSignal): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new UserError(`${question} — no terminal to confirm on`, 'pass --yes to confirm non-interactively');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${t(question)} [y/N] `, { signal });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
