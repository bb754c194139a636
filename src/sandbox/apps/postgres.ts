// The bitnami/postgresql container (chart 14.x): reads POSTGRES_USER, POSTGRES_PASSWORD,
// POSTGRES_POSTGRES_PASSWORD, POSTGRES_DATABASE (or their _FILE and POSTGRESQL_* spellings; facts from
// bitnami/charts postgresql-14.3.2 templates/primary/statefulset.yaml and the image's env aliases).
// On first start with an empty data volume it initialises the cluster and the volume remembers the
// user, database and passwords; later starts use the persisted data whatever the environment says —
// which is why a re-install with another password locks the services out.
// The volume's memory lives in the sandbox record of the PVC (so it outlives `helm uninstall`, which
// keeps volumeClaimTemplate PVCs), as salted hashes: it is a secret.
import { createHash, randomBytes } from 'node:crypto';
import { R } from '../apiserver/resources.js';
import type { Json, KObject } from '../apiserver/types.js';
import { servicePortToPod } from './ports.js';
import { containersOf, type SimRecord, type World } from './world.js';

const VOLUME_KEY = 'postgresqlData';

/** What an initialised data directory holds (only what the simulation needs). */
interface DataDir {
  user: string;
  database: string;
  salt: string;
  /** user → salted sha256 of the password */
  passwords: Record<string, string>;
  /** database → tables Hibernate created in it */
  tables?: Record<string, string[]>;
}

export function isPostgresImage(image: string): boolean {
  return /(^|\/)(bitnami|bitnamilegacy)\/postgresql(:|@|$)/.test(image);
}

function hash(salt: string, password: string): string {
  return createHash('sha256').update(`${salt}\0${password}`).digest('hex');
}

/** The record that stands for the pod's data volume: its PVC's if it has one, else the pod's own (emptyDir). */
function volumeRecord(world: World, pod: KObject): SimRecord {
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    const pvc = claim ? world.get(R.pvcs, pod.metadata.namespace, claim) : undefined;
    if (pvc) return world.simOf(pvc);
  }
  return world.simOf(pod);
}

function readDataDir(rec: SimRecord): DataDir | undefined {
  const raw = rec[VOLUME_KEY];
  return typeof raw === 'string' ? (JSON.parse(raw) as DataDir) : undefined;
}

/** Reads a `*_FILE` variable from a mounted Secret volume (/opt/bitnami/postgresql/secrets/<key>). */
function fromFile(world: World, pod: KObject, file: string | undefined): string | undefined {
  if (!file) return undefined;
  for (const c of containersOf(pod)) {
    for (const m of c.volumeMounts ?? []) {
      if (!file.startsWith(`${String(m.mountPath).replace(/\/$/, '')}/`)) continue;
      const vol = (pod.spec?.volumes ?? []).find((v: Json) => v.name === m.name);
      const secret = vol?.secret?.secretName ? world.get(R.secrets, pod.metadata.namespace, vol.secret.secretName) : undefined;
      const key = file.slice(String(m.mountPath).replace(/\/$/, '').length + 1);
      const b64 = secret?.data?.[key];
      if (typeof b64 === 'string') return Buffer.from(b64, 'base64').toString('utf8');
    }
  }
  return undefined;
}

export type PostgresBoot = { ok: true; port: number; logs: string[] } | { ok: false; exitCode: number; logs: string[] };

/** Starts the database: initialises an empty volume (recording its credentials) or reuses persisted data. */
export function bootPostgres(world: World, pod: KObject, env: Record<string, string>): PostgresBoot {
  const get = (...names: string[]): string | undefined => {
    for (const n of names) {
      if (env[n] !== undefined) return env[n];
      const f = fromFile(world, pod, env[`${n}_FILE`]);
      if (f !== undefined) return f;
    }
    return undefined;
  };
  const user = get('POSTGRESQL_USERNAME', 'POSTGRES_USER') ?? 'postgres';
  const password = get('POSTGRESQL_PASSWORD', 'POSTGRES_PASSWORD') ?? '';
  const postgresPassword = get('POSTGRESQL_POSTGRES_PASSWORD', 'POSTGRES_POSTGRES_PASSWORD') ?? '';
  const database = get('POSTGRESQL_DATABASE', 'POSTGRES_DATABASE', 'POSTGRES_DB') ?? 'postgres';
  const port = Number(get('POSTGRESQL_PORT_NUMBER') ?? 5432);
  const allowEmpty = /^(yes|true|1)$/i.test(get('ALLOW_EMPTY_PASSWORD') ?? '');
  const t = '00:00:00.00';
  const logs = [`postgresql ${t} INFO  ==> ** Starting PostgreSQL setup **`, `postgresql ${t} INFO  ==> Validating settings in POSTGRESQL_* env vars..`];
  const rec = volumeRecord(world, pod);
  let data = readDataDir(rec);
  if (!data) {
    if (!password && !allowEmpty) {
      return {
        ok: false,
        exitCode: 1,
        logs: [
          ...logs,
          `postgresql ${t} ERROR ==> The POSTGRESQL_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.`,
        ],
      };
    }
    const salt = randomBytes(8).toString('hex');
    data = { user, database, salt, passwords: { [user]: hash(salt, password) } };
    if (user !== 'postgres' && postgresPassword) data.passwords.postgres = hash(salt, postgresPassword);
    rec[VOLUME_KEY] = JSON.stringify(data);
    logs.push(
      `postgresql ${t} INFO  ==> Initializing PostgreSQL database...`,
      `postgresql ${t} INFO  ==> Creating user ${user}`,
      `postgresql ${t} INFO  ==> Granting access to "${user}" to the database "${database}"`,
    );
  } else {
    logs.push(`postgresql ${t} INFO  ==> Deploying PostgreSQL with persisted data...`);
  }
  logs.push(
    `postgresql ${t} INFO  ==> ** PostgreSQL setup finished! **`,
    `postgresql ${t} INFO  ==> ** Starting PostgreSQL **`,
    `LOG:  listening on IPv4 address "0.0.0.0", port ${port}`,
    'LOG:  database system is ready to accept connections',
  );
  return { ok: true, port, logs };
}

/** Where a JDBC connection ends, in the PostgreSQL JDBC driver's words (exception + cause lines). */
export type ConnectResult = { ok: true; session: DatabaseSession } | { ok: false; exception: string; cause?: string };

/** What a connected client can see and change of its database (only tables, for the schema checks). */
export interface DatabaseSession {
  hasTable(name: string): boolean;
  createTables(names: string[]): void;
}

export interface ConnectTarget {
  namespace: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/** Pods a host name reaches by cluster DNS: a Service (`svc`, `svc.ns`, `svc.ns.svc[.cluster.local]`) and its target port. */
function resolveHost(world: World, namespace: string, host: string): { service: KObject } | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  const parts = h.split('.');
  const name = parts[0]!;
  const ns = parts.length === 1 ? namespace : parts[1]!;
  if (parts.length > 2 && parts.slice(2).join('.') !== 'svc' && parts.slice(2).join('.') !== 'svc.cluster.local') return undefined;
  const service = world.get(R.services, ns, name);
  return service ? { service } : undefined;
}

/**
 * Opens a connection the way a backend's JDBC URL does. The target must be a Service whose port leads to
 * a Ready bitnami/postgresql pod, and the volume behind it must know the database, user and password.
 */
export function connectPostgres(world: World, t: ConnectTarget, isReady: (pod: KObject) => boolean): ConnectResult {
  const refused = {
    ok: false as const,
    exception: `Connection to ${t.host}:${t.port} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
    cause: 'java.net.ConnectException: Connection refused',
  };
  if (/^(localhost|127\.0\.0\.1)$/i.test(t.host)) return refused;
  const found = resolveHost(world, t.namespace, t.host);
  if (!found) return { ok: false, exception: 'The connection attempt failed.', cause: `java.net.UnknownHostException: ${t.host}` };
  const svc = found.service;
  const selector: Record<string, string> = svc.spec?.selector ?? {};
  const headless = svc.spec?.clusterIP === 'None';
  const pods = world
    .list(R.pods, svc.metadata.namespace)
    .filter(
      (p) => !p.metadata.deletionTimestamp && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v) && Object.keys(selector).length > 0,
    );
  const reachable = pods.filter((p) => isReady(p) || (headless && svc.spec?.publishNotReadyAddresses));
  if (headless && reachable.length === 0) return { ok: false, exception: 'The connection attempt failed.', cause: `java.net.UnknownHostException: ${t.host}` };
  // A ClusterIP port the Service does not define has no kube-proxy rule: the SYN goes nowhere.
  if (!headless && !(svc.spec?.ports ?? []).some((p: Json) => Number(p.port) === t.port)) {
    return { ok: false, exception: 'The connection attempt failed.', cause: 'java.net.SocketTimeoutException: Connect timed out' };
  }
  const pod = reachable.find((p) => containersOf(p).some((c) => isPostgresImage(String(c.image ?? ''))));
  if (!pod) return refused;
  const podPort = headless ? t.port : servicePortToPod(svc, pod, t.port);
  const rec = volumeRecord(world, pod);
  const data = readDataDir(rec);
  const pgPort = Number(world.simOf(pod).postgresqlPort ?? 5432);
  if (podPort !== pgPort || !data) return refused;
  const known = data.passwords[t.user];
  if (!known || known !== hash(data.salt, t.password)) return { ok: false, exception: `FATAL: password authentication failed for user "${t.user}"` };
  if (t.database !== data.database && t.database !== 'postgres') return { ok: false, exception: `FATAL: database "${t.database}" does not exist` };
  const session: DatabaseSession = {
    hasTable: (name) => (data.tables?.[t.database] ?? []).includes(name),
    createTables(names) {
      const tables = (data.tables ??= {});
      tables[t.database] = [...new Set([...(tables[t.database] ?? []), ...names])];
      rec[VOLUME_KEY] = JSON.stringify(data);
    },
  };
  return { ok: true, session };
}

/** Remembers the port the server listens on (POSTGRESQL_PORT_NUMBER) for connections to find. */
export function recordListeningPort(world: World, pod: KObject, port: number): void {
  world.simOf(pod).postgresqlPort = port;
}
