// Getting the credentials back when Secret lifesub-credentials is gone (a student cleaning up by hand,
// an interrupted `down`). PostgreSQL keeps the password it was initialised with in its data volume, so
// a new password next to an existing volume locks the backend out ("password authentication failed").
// What is left to recover from, all created by lifesub in the student's namespace:
//   <service>-secret   POSTGRES_PASSWORD = that backend's database user password
//   common-secret      JWT_SECRET_KEY
// A database whose volume exists but whose password is nowhere is a hard stop (nothing is changed).
import type { KubeObject } from '../adapters/types.js';
import { ToolError } from '../core/errors.js';
import type { Credentials, StepContext } from '../graph/step.js';
import { CREDENTIALS_SECRET, generateCredentials } from '../render/index.js';
import { backendServices, type BackendService } from '../render/services.js';
import { ownedBy } from './ownership.js';

/** The app Secret holding the JWT key (templates/manifests/common-secret.yaml). */
export const COMMON_SECRET = 'common-secret';
const JWT_KEY = 'JWT_SECRET_KEY';
const PASSWORD_KEY = 'POSTGRES_PASSWORD';
export const appSecretName = (service: BackendService): string => `${service.name}-secret`;

/**
 * The PVC bitnami/postgresql's primary StatefulSet creates for a release: `data-<fullname>-0`, where
 * fullname is the release name, or `<release>-postgresql` unless the release name already contains
 * "postgresql" (the chart's `common.names.fullname`, truncated to 63 characters).
 */
export function dataClaimName(release: string): string {
  const fullname = (release.includes('postgresql') ? release : `${release}-postgresql`).slice(0, 63).replace(/-+$/, '');
  return `data-${fullname}-0`;
}

export interface Recovery {
  credentials: Credentials;
  /** Where values came from, for the step's message: "member password from Secret member-secret". */
  recovered: string[];
  /** What had to be generated (only where no data volume depends on it, plus the superuser passwords). */
  generated: string[];
}

/** Database name → name of its existing data volume claim, for the databases that have one. */
export async function dataVolumes(ctx: StepContext): Promise<Map<string, string>> {
  const { namespace } = ctx.settings;
  const claims = await ctx.adapters.kube.list('v1', 'PersistentVolumeClaim', namespace, {}, ctx.signal);
  const names = new Set(claims.map((c) => c.metadata.name));
  const found = new Map<string, string>();
  for (const s of backendServices(ctx.settings)) {
    const claim = dataClaimName(s.database);
    if (names.has(claim)) found.set(s.database, claim);
  }
  return found;
}

/**
 * Rebuilds the credentials from the app Secrets lifesub created, generating only what no data volume
 * depends on. Throws ToolError (exit 1, nothing changed) when a database has a data volume but its
 * password is in no Secret: the message names the two ways out (restore the Secret, or `--reset-data`).
 * The superuser and replication passwords are in no app Secret; PostgreSQL only sets them when it
 * initialises an empty volume, and neither the apps nor lifesub use them, so they are generated anew
 * (and said so) rather than blocking the recovery of everything the apps need.
 */
export async function recoverCredentials(ctx: StepContext, volumes: Map<string, string>): Promise<Recovery> {
  const fresh = generateCredentials(ctx.settings);
  const recovered: string[] = [];
  const generated: string[] = [];
  const lost: string[] = [];
  const userPasswords: Record<string, string> = {};
  for (const s of backendServices(ctx.settings)) {
    const name = appSecretName(s);
    const password = valueOf(await ownSecret(ctx, name), PASSWORD_KEY);
    if (password !== undefined) {
      userPasswords[s.database] = password;
      recovered.push(`${s.database} password from Secret ${name}`);
    } else if (volumes.has(s.database)) {
      lost.push(s.database);
    } else {
      userPasswords[s.database] = fresh.userPasswords[s.database]!;
      generated.push(`${s.database} password (no data volume yet)`);
    }
  }
  if (lost.length > 0) throw unrecoverable(ctx, lost, volumes);

  let jwtSecret = valueOf(await ownSecret(ctx, COMMON_SECRET), JWT_KEY);
  if (jwtSecret !== undefined) recovered.push(`JWT key from Secret ${COMMON_SECRET}`);
  else {
    // No data depends on it; tokens issued with the old key just stop being accepted.
    jwtSecret = fresh.jwtSecret;
    generated.push('JWT key (users must log in again)');
  }
  if (volumes.size > 0) generated.push('postgres superuser and replication passwords (the data volumes keep their original ones; the apps do not use them)');
  return { credentials: { ...fresh, userPasswords, jwtSecret }, recovered, generated };
}

async function ownSecret(ctx: StepContext, name: string): Promise<KubeObject | undefined> {
  const secret = await ctx.adapters.kube.get({ apiVersion: 'v1', kind: 'Secret', name, namespace: ctx.settings.namespace }, ctx.signal);
  // Only what lifesub created for this ID is trusted as a source of passwords.
  return secret && ownedBy(secret, ctx.settings.id) ? secret : undefined;
}

function valueOf(secret: KubeObject | undefined, key: string): string | undefined {
  if (!secret) return undefined;
  const data = (secret['data'] ?? {}) as Record<string, unknown>;
  const stringData = (secret['stringData'] ?? {}) as Record<string, unknown>;
  const text =
    typeof stringData[key] === 'string' ? stringData[key] : typeof data[key] === 'string' ? Buffer.from(data[key], 'base64').toString('utf8') : undefined;
  return text ? text : undefined;
}

function unrecoverable(ctx: StepContext, lost: string[], volumes: Map<string, string>): ToolError {
  const { namespace, id } = ctx.settings;
  const claims = lost.map((d) => volumes.get(d)!).join(', ');
  return new ToolError(
    `Secret ${CREDENTIALS_SECRET} is missing in ${namespace} and the password of database ${lost.join(', ')} is in no other Secret, ` +
      `but its data volume (${claims}) still exists: new passwords would lock the apps out of that data, so nothing was changed`,
    `either restore Secret ${CREDENTIALS_SECRET} (e.g. \`kubectl apply -f\` your backup) and run up again, ` +
      `or drop the databases' data and start them empty: \`lifesub up --id ${id} --reset-data\``,
  );
}
