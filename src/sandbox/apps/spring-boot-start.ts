// A lab backend starting (Spring Boot 3.4): it binds the SERVER_PORT setting, HikariCP and Hibernate
// connect to PostgreSQL (ddl-auto needs a connection), the schema is made or checked per JPA_DDL_AUTO,
// and the DataLoader runs. Each failure ends the JVM with exit code 1 after the lines Spring Boot, HikariCP
// and the PostgreSQL JDBC driver print for it.
import type { KObject } from '../apiserver/types.js';
import { connectPostgres, type DatabaseSession } from './postgres.js';
import { backendSettings, type BackendSpec } from './spring-boot.js';
import type { World } from './world.js';

export type BackendBoot = { ok: true; port: number; logs: string[] } | { ok: false; exitCode: number; logs: string[] };

const stamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

/** Starts the application: binds the port setting, then Hibernate connects to the database. */
export function bootBackend(
  world: World,
  pod: KObject,
  spec: BackendSpec,
  env: Record<string, string>,
  isReady: (p: KObject) => boolean,
  now: number,
): BackendBoot {
  const s = backendSettings(spec, env);
  const at = stamp(now);
  const line = (level: string, logger: string, msg: string): string =>
    `${at}  ${level.padStart(5)} 1 --- [${spec.name}-service] [           main] ${logger.padEnd(40)} : ${msg}`;
  const logs = [
    '  .   ____          _            __ _ _',
    " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
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
        line(
          'ERROR',
          'j.LocalContainerEntityManagerFactoryBean',
          `Failed to initialize JPA EntityManagerFactory: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection for DDL execution [${jdbcMsg}] [n/a]`,
        ),
        line(
          'WARN',
          'ConfigServletWebServerApplicationContext',
          `Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: [PersistenceUnit: default] Unable to build Hibernate SessionFactory; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection for DDL execution [${jdbcMsg}] [n/a]`,
        ),
        line('INFO', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
        line('ERROR', 'o.s.boot.SpringApplication', 'Application run failed'),
        '',
        `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory'`,
        ...(cause.length ? [`Caused by: ${exc}`, ...cause] : [`Caused by: ${exc}`]),
      ],
    };
  }
  const schema = schemaFailure(spec, (env.JPA_DDL_AUTO ?? 'update').trim(), conn.session);
  if (schema)
    return {
      ok: false,
      exitCode: 1,
      logs: [...logs, ...schema.map((m) => (m.startsWith('\t') || m.startsWith('Caused') ? m : line('ERROR', 'o.s.boot.SpringApplication', m)))],
    };
  logs.push(
    line('INFO', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6a1b2c3d'),
    line('INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    line('INFO', 'o.s.b.a.e.web.EndpointLinksResolver', "Exposing 4 endpoints beneath base path '/actuator'"),
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
    return [
      'Application run failed',
      `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory'`,
      `Caused by: org.hibernate.tool.schema.spi.SchemaManagementException: Schema-validation: missing table [${table}]`,
    ];
  }
  if (ddl === 'none' && !db.hasTable(table)) {
    return [
      'Application run failed',
      'java.lang.IllegalStateException: Failed to execute CommandLineRunner',
      `Caused by: org.postgresql.util.PSQLException: ERROR: relation "${table}" does not exist`,
    ];
  }
  if (!['validate', 'none', 'drop'].includes(ddl)) {
    return ['Application run failed', `Caused by: java.lang.IllegalArgumentException: Unrecognized legacy \`hibernate.hbm2ddl.auto\` value : \`${ddl}\``];
  }
  return undefined;
}
