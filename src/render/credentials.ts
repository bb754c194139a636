// The passwords and JWT key of one ID, generated once and kept only in the cluster, in the Secret
// `lifesub-credentials`. Keys of that Secret (also what the postgresql chart reads via existingSecret):
//   postgres-password      superuser password, shared by every database release
//   replication-password   replication user's password
//   <database>-password    the application user's password, one per backend database
//   jwt-secret-key         the key the backends sign tokens with
// Secrets are written with base64 `data` (what the API server returns too, so a read-back compares
// equal); reading accepts `data` or `stringData`.
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import type { Credentials } from '../graph/step.js';
import { CREDENTIALS_SECRET } from './constants.js';
import { asKubeObject, labelled } from './labels.js';
import { backendServices } from './services.js';
import { renderTemplate } from './template.js';

export const POSTGRES_PASSWORD_KEY = 'postgres-password';
export const REPLICATION_PASSWORD_KEY = 'replication-password';
export const JWT_SECRET_KEY = 'jwt-secret-key';
export const userPasswordKey = (database: string): string => `${database}-password`;

/** URL-safe random text; `bytes` of entropy → about 4/3 as many characters. */
function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function generateCredentials(settings: Settings): Credentials {
  const userPasswords: Record<string, string> = {};
  for (const s of backendServices(settings)) userPasswords[s.database] = randomToken(24); // 32 chars
  return {
    postgresPassword: randomToken(24),
    replicationPassword: randomToken(24),
    userPasswords,
    jwtSecret: randomToken(64), // 86 chars: HS512 wants at least 64 bytes of key
  };
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function renderCredentialsSecret(settings: Settings, credentials: Credentials): KubeObject {
  const plain: Record<string, string> = {
    [POSTGRES_PASSWORD_KEY]: credentials.postgresPassword,
    [REPLICATION_PASSWORD_KEY]: credentials.replicationPassword,
  };
  for (const s of backendServices(settings)) {
    const password = credentials.userPasswords[s.database];
    if (password === undefined) throw new Error(`internal: no generated password for database '${s.database}'`);
    plain[userPasswordKey(s.database)] = password;
  }
  plain[JWT_SECRET_KEY] = credentials.jwtSecret;

  const data = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, toBase64(v)]));
  const file = 'manifests/credentials-secret.yaml';
  const object = asKubeObject(renderTemplate(file, { name: CREDENTIALS_SECRET, namespace: settings.namespace, data }), file);
  return labelled(settings, object);
}

/** Credentials stored in the Secret, or undefined if any key is missing or empty (then regenerate). */
export function credentialsFromSecret(settings: Settings, secret: KubeObject): Credentials | undefined {
  const read = secretReader(secret);
  const postgresPassword = read(POSTGRES_PASSWORD_KEY);
  const replicationPassword = read(REPLICATION_PASSWORD_KEY);
  const jwtSecret = read(JWT_SECRET_KEY);
  if (postgresPassword === undefined || replicationPassword === undefined || jwtSecret === undefined) return undefined;
  const userPasswords: Record<string, string> = {};
  for (const s of backendServices(settings)) {
    const password = read(userPasswordKey(s.database));
    if (password === undefined) return undefined;
    userPasswords[s.database] = password;
  }
  return { postgresPassword, replicationPassword, userPasswords, jwtSecret };
}

/** A key's text from `stringData` (not yet normalised by a server) or base64 `data`. */
function secretReader(secret: KubeObject): (key: string) => string | undefined {
  const data = asStringMap(secret['data']);
  const stringData = asStringMap(secret['stringData']);
  return (key) => {
    const text = stringData[key] ?? (data[key] === undefined ? undefined : Buffer.from(data[key], 'base64').toString('utf8'));
    return text === undefined || text === '' ? undefined : text;
  };
}

function asStringMap(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
