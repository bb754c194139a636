// ACR's token endpoints, minimally: enough for the "no admin user" login flow and for registry API
// calls with a Bearer token (see shared library notes, "ACR without the admin user").
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basicValid, parseBasic, type RegistryTokens } from './auth.js';
import type { RegistryRecord } from './store.js';

export async function handleOAuth(
  req: IncomingMessage,
  res: ServerResponse,
  registry: RegistryRecord,
  tokens: RegistryTokens,
  armToken: string | undefined,
  body: Buffer,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://registry');
  const form = new URLSearchParams(req.method === 'POST' ? body.toString('utf8') : url.search);
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (url.pathname === '/oauth2/exchange' && req.method === 'POST') {
    // The access token stands for an Azure AD token: the sandbox accepts its own ARM token.
    if (form.get('grant_type') !== 'access_token' || !armToken || form.get('access_token') !== armToken) {
      return send(401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid access token' }] });
    }
    return send(200, { refresh_token: tokens.issueRefresh(registry.name) });
  }
  if (url.pathname === '/oauth2/token') {
    const refresh = form.get('refresh_token');
    const basic = parseBasic(req.headers.authorization);
    const ok = refresh ? tokens.refreshValidFor(refresh, registry.name) : basic !== undefined && basicValid(registry, tokens, basic.user, basic.password);
    if (!ok) return send(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
    return send(200, { access_token: tokens.issueAccess(registry.name) });
  }
  send(404, { errors: [{ code: 'NOT_FOUND', message: 'not found' }] });
}
