// ACR without the admin user (what `az acr login` does): trade an Azure AD token for an ACR refresh
// token, which `docker login` accepts as the password of the all-zero user.
import type { TokenCredential } from '@azure/identity';
import { AbortedError, ToolError } from '../../core/errors.js';

export const ACR_TOKEN_USER = '00000000-0000-0000-0000-000000000000';
const ARM_SCOPE = 'https://management.azure.com/.default';

export interface ExchangeOptions {
  credential: TokenCredential;
  loginServer: string;
  /** http instead of https (the sandbox's local registry only). */
  insecure?: boolean;
  fetchFn: typeof fetch;
  signal: AbortSignal;
  /** The subscription's Azure AD tenant: the AAD token is requested for it and the exchange names it (`tenant`), as `az acr login` does. */
  tenantId?: string;
}

export async function exchangeRefreshToken(opts: ExchangeOptions): Promise<string> {
  const aad = await opts.credential.getToken(ARM_SCOPE, { abortSignal: opts.signal, ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) });
  if (!aad) throw new ToolError('no Azure AD token for the registry login', 'run `az login`');
  const url = `${opts.insecure ? 'http' : 'https'}://${opts.loginServer}/oauth2/exchange`;
  const body = new URLSearchParams({
    grant_type: 'access_token',
    service: opts.loginServer,
    ...(opts.tenantId ? { tenant: opts.tenantId } : {}),
    access_token: aad.token,
  });

  let res: Response;
  try {
    res = await opts.fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      signal: opts.signal,
    });
  } catch (err) {
    if (opts.signal.aborted) throw new AbortedError();
    const code = (err as { cause?: { code?: string } }).cause?.code;
    throw new ToolError(`could not reach ${opts.loginServer} for the registry login${code ? ` (${code})` : ''}`, 'check the network');
  }
  if (!res.ok) {
    throw new ToolError(
      `the registry ${opts.loginServer} refused the token exchange (HTTP ${res.status})`,
      'your Azure account needs the AcrPush role on the registry, or enable its admin user: `az acr update -n <registry> --admin-enabled true`',
    );
  }
  const json = (await res.json().catch(() => ({}))) as { refresh_token?: unknown };
  if (typeof json.refresh_token !== 'string' || !json.refresh_token) {
    throw new ToolError(`the registry ${opts.loginServer} returned no refresh token`, 'retry, or enable the admin user on the registry');
  }
  return json.refresh_token;
}
