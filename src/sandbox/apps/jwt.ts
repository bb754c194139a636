// HS512 JWTs as the lab services make them (com.auth0 java-jwt, Algorithm.HMAC512(secret) over the
// secret's UTF-8 bytes): member signs, mysub and recommend verify with their own JWT_SECRET_KEY.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function signJwt(secret: string, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha512', Buffer.from(secret, 'utf8')).update(`${head}.${body}`).digest();
  return `${head}.${body}.${b64url(sig)}`;
}

/** The claims of a token signed with `secret` and not expired at `nowMs`, else undefined. */
export function verifyJwt(secret: string, token: string, nowMs: number): Record<string, unknown> | undefined {
  const [head, body, sig] = token.split('.');
  if (!head || !body || !sig) return undefined;
  const want = createHmac('sha512', Buffer.from(secret, 'utf8')).update(`${head}.${body}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= nowMs) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
