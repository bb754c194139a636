// Who may talk to a virtual registry: its admin user (Basic), or ACR-style tokens obtained through
// /oauth2/exchange (refresh token, usable as the docker password of the all-zero user) and
// /oauth2/token (access token, Bearer). Tokens live in memory, like short-lived ACR tokens.
import { randomBytes } from 'node:crypto';
import type { RegistryRecord } from './store.js';

export const TOKEN_USER = '00000000-0000-0000-0000-000000000000';

export class RegistryTokens {
  private readonly refresh = new Map<string, string>();
  private readonly access = new Map<string, string>();

  issueRefresh(registry: string): string {
    const token = randomBytes(32).toString('base64url');
    this.refresh.set(token, registry);
    return token;
  }

  issueAccess(registry: string): string {
    const token = randomBytes(32).toString('base64url');
    this.access.set(token, registry);
    return token;
  }

  refreshValidFor(token: string, registry: string): boolean {
    return this.refresh.get(token) === registry;
  }

  accessValidFor(token: string, registry: string): boolean {
    return this.access.get(token) === registry;
  }
}

export function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Basic user/password: the admin user with either password, or the token user with a refresh token. */
export function basicValid(registry: RegistryRecord, tokens: RegistryTokens, user: string, password: string): boolean {
  if (user === registry.username) return registry.passwords.includes(password);
  return user === TOKEN_USER && tokens.refreshValidFor(password, registry.name);
}

/** Whether the request's Authorization header grants access to this registry. */
export function authorized(registry: RegistryRecord, tokens: RegistryTokens, header: string | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (bearer?.[1]) return tokens.accessValidFor(bearer[1], registry.name);
  const basic = parseBasic(header);
  return basic !== undefined && basicValid(registry, tokens, basic.user, basic.password);
}
