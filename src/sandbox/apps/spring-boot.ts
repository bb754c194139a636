// What the three lab backends have in common (Spring Boot 3.4, cna-bootcamp/lifesub branches k8s and
// main): settings from the environment with the application.yml defaults, start-up against PostgreSQL
// (Hibernate ddl-auto=update opens a connection, so a bad host or password stops the application),
// Spring Security (JWT filter, no authentication entry point → 403 with an empty body, also for any
// error page: Security 6 authorises the /error dispatch too), CORS, and the actuator health endpoints.
import type { KObject } from '../apiserver/types.js';
import { applyCors } from './cors.js';
import { verifyJwt } from './jwt.js';
import { connectPostgres, type ConnectResult, type DatabaseSession } from './postgres.js';
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

export type BackendBoot = { ok: true; port: number; logs: string[] } | { ok: false; exitCode: number; logs: string[] };

const stamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

/** Starts the application: binds the port setting, then Hibernate connects to the database. */
export function bootBackend(world: World, pod: KObject, spec: BackendSpec, env: Record<string, string>, isReady: (p: KObject) => boolean, now: number): BackendBoot {
  const s = backendSettings(spec, env);
  const at = stamp(now);
  const line = (level: string, logger: string, msg: string): string => `${at}  ${level.padStart(5)} 1 --- [${spec.name}-service] [           main] ${logger.padEnd(40)} : ${msg}`;
  const logs = [
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    ' :: Spring Boot ::                (v3.4.0)',
    line('INFO', `c.u.l.${spec.name}.${spec.mainClass}`, `Starting ${spec.mainClass} v1.0.0 using Java 21`),
  ];
  if (s.badPort !== undefined) {
    return {
      ok: false,
      exitCode: 1,
      logs: [
        ...logs,
        line('ERROR', 'o.s.b.d.LoggingFailureAnalysisReporter', ''),
        '',
        '***************************',
        'APPLICATION FAILED TO START',
        '***************************',
        '',
        'Description:',
        '',
        `Failed to bind properties under 'server.port' to java.lang.Integer:`,
        '',
        `    Property: server.port`,
        `    Value: "${s.badPort}"`,
        `    Origin: System Environment Property "SERVER_PORT"`,
        `    Reason: failed to convert java.lang.String to java.lang.Integer (caused by java.lang.NumberFormatException: For input string: "${s.badPort}")`,
      ],
    };
  }
  logs.push(
    line('INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', `Tomcat initialized with port ${s.port} (http)`),
    line('INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
  );
  const conn = connectPostgres(world, { namespace: pod.metadata.namespace ?? 'default', ...s.db }, isReady);
  if (!conn.ok) {
    const exc = `org.postgresql.util.PSQLException: ${conn.exception}`;
    const cause = conn.cause ? [`Caused by: ${conn.cause}`] : [];
    const jdbcMsg = conn.exception.startsWith('FATAL') ? conn.exception : 'The connection attempt failed.';
    return {
      ok: false,
      exitCode: 1,
      logs: [
        ...logs,
        line('ERROR', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Exception during pool initialization.'),
        '',
        exc,
        '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
        ...cause,
        line('WARN', 'o.h.e.j.e.i.JdbcEnvironmentInitiator', `HHH000342: Could not obtain connection to query metadata`),
        '',
        exc,
        line('ERROR', 'j.LocalContainerEntityManagerFactoryBean', `Failed to initialize JPA EntityManagerFactory: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection for DDL execution [${jdbcMsg}] [n/a]`),
        line('WARN', 'ConfigServletWebServerApplicationContext', `Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection for DDL execution [${jdbcMsg}] [n/a]`),
        line('INFO', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
        line('ERROR', 'o.s.boot.SpringApplication', 'Application run failed'),
        '',
        `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory'`,
        ...cause.length ? [`Caused by: ${exc}`, ...cause] : [`Caused by: ${exc}`],
      ],
    };
  }
  const schema = schemaFailure(spec, (env.JPA_DDL_AUTO ?? 'update').trim(), conn.session);
  if (schema) return { ok: false, exitCode: 1, logs: [...logs, ...schema.map((m) => (m.startsWith('\t') || m.startsWith('Caused') ? m : line('ERROR', 'o.s.boot.SpringApplication', m)))] };
  logs.push(
    line('INFO', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6a1b2c3d'),
    line('INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    line('INFO', 'o.s.b.a.e.web.EndpointLinksResolver', 'Exposing 4 endpoints beneath base path \'/actuator\''),
    line('INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', `Tomcat started on port ${s.port} (http) with context path '/'`),
    line('INFO', `c.u.l.${spec.name}.${spec.mainClass}`, `Started ${spec.mainClass} in 14.2 seconds (process running for 15.0)`),
  );
  return { ok: true, port: s.port, logs };
}

/**
 * spring.jpa.hibernate.ddl-auto (JPA_DDL_AUTO): update/create make the tables; validate fails on a
 * database without them; none leaves the DataLoader to hit a missing relation; anything else is refused
 * by Hibernate. Returns the failure lines, or undefined when the application gets past it.
 */
function schemaFailure(spec: BackendSpec, ddl: string, db: DatabaseSession): string[] | undefined {
  const table = spec.tables[0]!;
  if (['update', 'create', 'create-drop', 'create-only'].includes(ddl)) {
    db.createTables(spec.tables);
    return undefined;
  }
  if (ddl === 'validate' && !db.hasTable(table)) {
    return ['Application run failed', `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory'`, `Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [${table}]`];
  }
  if (ddl === 'none' && !db.hasTable(table)) {
    return ['Application run failed', 'java.lang.IllegalStateException: Failed to execute CommandLineRunner', `Caused by: org.postgresql.util.PSQLException: ERROR: relation "${table}" does not exist`];
  }
  if (!['validate', 'none', 'drop'].includes(ddl)) {
    return ['Application run failed', `Caused by: java.lang.IllegalArgumentException: Unrecognized legacy \`hibernate.hbm2ddl.auto\` value : \`${ddl}\``];
  }
  return undefined;
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
    db: db.ok ? { status: 'UP', details: { database: 'PostgreSQL', validationQuery: 'isValid()' } } : { status: 'DOWN', details: { error: `org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection` } },
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
export function serveBackend(world: World, pod: KObject, spec: BackendSpec, env: Record<string, string>, req: AppRequest, isReady: (p: KObject) => boolean, now: number): AppResponse {
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
