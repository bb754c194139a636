// Spring's CorsFilter with the lab's CorsConfiguration (SecurityConfig of each service):
// allowedOrigins = ALLOWED_ORIGINS.split(",") — not trimmed, so " http://x" never matches —
// methods GET/POST/PUT/DELETE/OPTIONS, headers *, credentials true. Behaviour of Spring's
// DefaultCorsProcessor: Vary on every request, 403 "Invalid CORS request" for a rejected origin,
// method or preflight, the request's Origin echoed back when allowed.
import type { AppRequest, AppResponse } from './world.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'];

/** CorsConfiguration trims a trailing "/" from configured and requested origins and compares ignoring case. */
const norm = (o: string): string => (o.endsWith('/') ? o.slice(0, -1) : o).toLowerCase();

export type CorsOutcome = { reject: AppResponse } | { headers: Record<string, string | string[]>; preflight: boolean };

/** Applies CORS to a request; `headers` are to be added to whatever the app answers. */
export function applyCors(allowedOrigins: string[], req: AppRequest): CorsOutcome {
  const headers: Record<string, string | string[]> = { Vary: [...VARY] };
  const origin = req.headers.origin;
  const sameOrigin = origin !== undefined && req.headers.host !== undefined && norm(origin) === norm(`http://${req.headers.host}`);
  if (origin === undefined || sameOrigin) return { headers, preflight: false };
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  const reject = { reject: { status: 403, headers, body: 'Invalid CORS request' } };
  if (!allowedOrigins.some((o) => norm(o) === norm(origin))) return reject;
  const method = preflight ? String(req.headers['access-control-request-method']) : req.method;
  if (!METHODS.includes(method.toUpperCase())) return reject;
  headers['Access-Control-Allow-Origin'] = origin;
  headers['Access-Control-Allow-Credentials'] = 'true';
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = METHODS.join(',');
    const requested = req.headers['access-control-request-headers'];
    if (requested) headers['Access-Control-Allow-Headers'] = requested;
    headers['Access-Control-Max-Age'] = '1800';
  }
  return { headers, preflight };
}
