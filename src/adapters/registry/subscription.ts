// Which Azure subscription holds the student's registry: AZURE_SUBSCRIPTION_ID when set (CI),
// otherwise whatever `az login` / `az account set` selected.
import { AbortedError, UserError } from '../../core/errors.js';
import type { CommandRunner } from '../types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveSubscription(runner: CommandRunner, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<string> {
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

/** The subscription that holds the registry and the Azure AD tenant it belongs to (when known). */
export interface AzureAccount {
  subscriptionId: string;
  tenantId?: string;
}

/**
 * Like resolveSubscription, plus the subscription's tenant, which `az acr login` passes on to the token
 * requests and the ACR token exchange: a student whose login spans several tenants (a university and a
 * personal directory) otherwise gets a token from the wrong one. From AZURE_SUBSCRIPTION_ID +
 * AZURE_TENANT_ID when set, otherwise from `az account show` (fields `id`, `tenantId`).
 */
export async function resolveAccount(runner: CommandRunner, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<AzureAccount> {
  const fromEnv = env.AZURE_SUBSCRIPTION_ID?.trim();
  if (fromEnv) {
    const tenantId = env.AZURE_TENANT_ID?.trim();
    return { subscriptionId: validSubscription(fromEnv, 'AZURE_SUBSCRIPTION_ID'), ...(tenantId && GUID.test(tenantId) ? { tenantId } : {}) };
  }
  let stdout: string;
  try {
    ({ stdout } = await runner.run('az', ['account', 'show', '-o', 'json'], { signal, timeoutMs: 60_000 }));
  } catch (err) {
    if (err instanceof AbortedError) throw err;
    throw new UserError(
      'could not determine the Azure subscription (`az account show` failed)',
      'run `az login` (and `az account set -s <subscription>`), or set AZURE_SUBSCRIPTION_ID',
      { cause: err },
    );
  }
  let account: { id?: unknown; tenantId?: unknown };
  try {
    account = JSON.parse(stdout) as { id?: unknown; tenantId?: unknown };
  } catch {
    throw new UserError('`az account show -o json` printed no JSON', 'run `az login` again, or set AZURE_SUBSCRIPTION_ID');
  }
  const subscriptionId = validSubscription(String(account.id ?? ''), '`az account show`');
  const tenantId = typeof account.tenantId === 'string' && GUID.test(account.tenantId) ? account.tenantId : undefined;
  return { subscriptionId, ...(tenantId ? { tenantId } : {}) };
}
