// Which Azure subscription holds the student's registry: AZURE_SUBSCRIPTION_ID when set (CI),
// otherwise whatever `az login` / `az account set` selected.
import { AbortedError, UserError } from '../../core/errors.js';
import type { CommandRunner } from '../types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveSubscription(
  runner: CommandRunner,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const fromEnv = env.AZURE_SUBSCRIPTION_ID?.trim();
  if (fromEnv) return validSubscription(fromEnv, 'AZURE_SUBSCRIPTION_ID');

  let stdout: string;
  try {
    ({ stdout } = await runner.run('az', ['account', 'show', '--query', 'id', '-o', 'tsv'], { signal, timeoutMs: 60_000 }));
  } catch (err) {
    if (err instanceof AbortedError) throw err;
    throw new UserError(
      'could not determine the Azure subscription (`az account show` failed)',
      'run `az login` (and `az account set -s <subscription>`), or set AZURE_SUBSCRIPTION_ID',
      { cause: err },
    );
  }
  return validSubscription(stdout.trim(), '`az account show`');
}

export function validSubscription(id: string, source: string): string {
  if (!GUID.test(id)) {
    throw new UserError(
      `the subscription ID from ${source} is not a GUID: "${id}"`,
      'use the subscription ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), see `az account list -o table`',
    );
  }
  return id;
}
