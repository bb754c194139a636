// What the three lab backends have in common (Spring Boot 3.4, cna-bootcamp/lifesub branches k8s and
// main): settings from the environment with the application.yml defaults (start-up is in
// spring-boot-start.ts), Spring Security (JWT filter, no authentication entry point → 403 with an empty body, also for any
// error page: Security 6 authorises the /error dispatch too), CORS, and the actuator health endpoints.
import type { KObject } from '../apiserver/types.js';
import { applyCors } from './cors.js';
import { verifyJwt } from './jwt.js';
import { connectPostgres, type ConnectResult } from './postgres.js';
import type { AppRequest, AppResponse, World } from './world.js';

/** A controller method: answers, or returns undefined for "no handler" (→ 404 → /error → 403). */
export type Handler = (ctx: HandlerContext) => AppResponse | undefined;

export interface HandlerContext {
  req: AppRequest;
  settings: BackendSettings;
  /** The JWT subject, when the request carried a valid token. */
  user?: string;
  now: number;
}

export interface Route {
  method: string;
  /** Path pattern; `{x}` matches one segment. */
  path: string;
  handle: Handler;
}

/** One lab backend: its name, application.yml defaults and routes. */
export interface BackendSpec {
  name: 'member' | 'mysub' | 'recommend';
  /** Spring Boot main class simple name, for the log. */
  mainClass: string;
  defaultPort: number;
  defaultDatabase: string;
  /** The service's JPA tables; the first is the one its DataLoader (or schema validation) touches first. */
  tables: string[];
  /** Requests Spring Security lets through without a token, besides /actuator/**. */
  permitAll(method: string, path: string): boolean;
  routes: Route[];
}

export interface BackendSettings {
  port: number;
  /** Raw SERVER_PORT when it is not a number (Spring cannot bind it). */
  badPort?: string;
  db: { host: string; port: number; database: string; user: string; password: string };
  allowedOrigins: string[];
  jwtSecret: string;
  accessValidityMs: number;
}

// application.yml defaults (identical on branches k8s and main; the committed password and key are
// the lab's, kept only so that a missing variable behaves as the real service does).
const DEFAULT_PASSWORD = 'Hi5Jessica!';
const DEFAULT_JWT = '8O2HQ13etL2BWZvYOiWsJ5uWFoLi6NBUG8divYVoCgtHVvlk3dqRksMl16toztDUeBTSIuOOPvHIrYq11G2BwQ';

export function backendSettings(spec: BackendSpec, env: Record<string, string>): BackendSettings {
  const rawPort = env.SERVER_PORT ?? String(spec.defaultPort);
  return {
    port: Number(rawPort),
    ...(/^\d+$/.test(rawPort.trim()) ? {} : { badPort: rawPort }),
    db: {
      host: env.POSTGRES_HOST ?? 'localhost',
      port: Number(env.POSTGRES_PORT ?? 5432),
      database: env.POSTGRES_DB ?? spec.defaultDatabase,
      user: env.POSTGRES_USER ?? 'admin',
      password: env.POSTGRES_PASSWORD ?? DEFAULT_PASSWORD,
    },
    allowedOrigins: (env.ALLOWED_ORIGINS ?? 'http://localhost:3000').split(','),
    jwtSecret: env.JWT_SECRET_KEY ?? DEFAULT_JWT,
    // JwtTokenProvider multiplies the configured milliseconds by 1000 (a bug of the lab, kept).
    accessValidityMs: Number(env.JWT_ACCESS_TOKEN_VALIDITY ?? 3600000) * 1000,
  };
}

// Spring Security's default response headers (HeaderWriterFilter).
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-XSS-Protection': '0',
  'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Frame-Options': 'DENY',
};

const FORBIDDEN: AppResponse = { status: 403, headers: {}, body: '' };
const ACTUATOR_JSON = 'application/vnd.spring-boot.actuator.v3+json';

export function json(status: number, body: unknown, type = 'application/json'): AppResponse {
  return { status, headers: { 'Content-Type': type }, body: JSON.stringify(body) };
}

/** Jackson writes LocalDateTime without a zone. */
export const localDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '');

/** The lab's ApiResponse envelope. */
export function apiResponse(httpStatus: number, status: number, message: string, data: unknown, now: number): AppResponse {
  return json(httpStatus, { status, message, data, timestamp: localDateTime(now) });
}

function matchRoute(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => (seg.startsWith('{') ? b[i] !== '' : seg === b[i]));
}

function health(world: World, pod: KObject, s: BackendSettings, isReady: (p: KObject) => boolean, path: string): AppResponse | undefined {
  const db: ConnectResult = connectPostgres(world, { namespace: pod.metadata.namespace ?? 'default', ...s.db }, isReady);
  const components: Record<string, unknown> = {
    db: db.ok
      ? { status: 'UP', details: { database: 'PostgreSQL', validationQuery: 'isValid()' } }
      : { status: 'DOWN', details: { error: `org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection` } },
    diskSpace: { status: 'UP', details: { total: 133003395072, free: 98765432100, threshold: 10485760, path: '/.', exists: true } },
    livenessState: { status: 'UP' },
    ping: { status: 'UP' },
    readinessState: { status: 'UP' },
  };
  if (path === '/actuator/health') {
    const up = db.ok;
    return json(up ? 200 : 503, { status: up ? 'UP' : 'DOWN', components, groups: ['liveness', 'readiness'] }, ACTUATOR_JSON);
  }
  // probes.enabled: the liveness and readiness groups hold only the availability states.
  if (path === '/actuator/health/liveness' || path === '/actuator/health/readiness') return json(200, { status: 'UP' }, ACTUATOR_JSON);
  const name = path.slice('/actuator/health/'.length);
  const c = components[name] as { status: string } | undefined;
  if (c) return json(c.status === 'UP' ? 200 : 503, c, ACTUATOR_JSON);
  return undefined;
}

/** Answers one HTTP request the way the running backend does. */
export function serveBackend(
  world: World,
  pod: KObject,
  spec: BackendSpec,
  env: Record<string, string>,
  req: AppRequest,
  isReady: (p: KObject) => boolean,
  now: number,
): AppResponse {
  const s = backendSettings(spec, env);
  const cors = applyCors(s.allowedOrigins, req);
  const finish = (r: AppResponse): AppResponse => ({ ...r, headers: { ...('headers' in cors ? cors.headers : {}), ...SECURITY_HEADERS, ...r.headers } });
  if ('reject' in cors) return finish(cors.reject);
  if (cors.preflight) return finish({ status: 200, headers: {}, body: '' });

  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const claims = token ? verifyJwt(s.jwtSecret, token, now) : undefined;
  const permitted = req.path.startsWith('/actuator/') || req.path === '/actuator' || spec.permitAll(req.method, req.path);
  // No entry point is configured: an anonymous request to a protected path gets 403 and no body.
  if (!permitted && !claims) return finish(FORBIDDEN);

  if (req.path.startsWith('/actuator')) {
    const r = req.method === 'GET' && req.path.startsWith('/actuator/health') ? health(world, pod, s, isReady, req.path.replace(/\/$/, '')) : undefined;
    return finish(r ?? FORBIDDEN);
  }
  const route = spec.routes.find((r) => r.method === req.method && matchRoute(r.path, req.path));
  const answer = route?.handle({ req, settings: s, user: typeof claims?.sub === 'string' ? claims.sub : undefined, now });
  // Any sendError (404 no handler, 400 bad body, 405, 415, an unhandled exception) re-dispatches to
  // /error, which Spring Security 6 also authorises: the anonymous error dispatch ends in 403.
  return finish(answer ?? FORBIDDEN);
}
