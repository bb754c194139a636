// Issue 8, item 7: no secret value in play may appear in anything a run leaves outside the cluster —
// the CLI's stdout/stderr (JSON events included), files under $LIFESUB_HOME, the argv of every tool
// the sandbox ran. The values come from the sandbox's own stores: the cluster state (Secret
// lifesub-credentials: DB passwords and the JWT key), the registry (admin passwords) and the fake
// ARM's bearer token. test/support/cli.ts scans each home when a test removes it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One place a secret was found. */
export interface SecretHit {
  /** "stdout of lifesub up …", "file workspace/x", "argv of docker login …". */
  where: string;
  /** Which secret (its origin, never its value). */
  secret: string;
}

export interface NamedSecret {
  name: string;
  value: string;
}

/** Values shorter than this are not treated as secrets (a short value would match by chance). */
const MIN_LENGTH = 8;

/**
 * The secrets in play in a sandbox home: every value of Secret lifesub-credentials in any namespace,
 * the registries' admin passwords and the ARM token. Empty when the home has no sandbox.
 */
export function secretsOfHome(home: string): NamedSecret[] {
  const dir = join(home, 'sandbox');
  const out: NamedSecret[] = [];
  const state = readJsonFile(join(dir, 'state.json')) as { objects?: { secrets?: Array<Record<string, any>> } } | undefined;
  for (const s of state?.objects?.secrets ?? []) {
    if (s.metadata?.name !== 'lifesub-credentials') continue;
    for (const [key, b64] of Object.entries((s.data ?? {}) as Record<string, string>)) {
      out.push({ name: `Secret ${s.metadata.namespace}/lifesub-credentials key ${key}`, value: Buffer.from(b64, 'base64').toString('utf8') });
    }
  }
  const registry = readJsonFile(join(dir, 'registry.json')) as { registries?: Record<string, { passwords?: string[] }> } | undefined;
  for (const [name, r] of Object.entries(registry?.registries ?? {})) {
    (r.passwords ?? []).forEach((value, i) => out.push({ name: `registry ${name} password${i + 1}`, value }));
  }
  const tokens = readJsonFile(join(dir, 'tokens.json')) as { armToken?: string } | undefined;
  if (tokens?.armToken) out.push({ name: 'fake ARM bearer token', value: tokens.armToken });
  return out.filter((s) => s.value.length >= MIN_LENGTH);
}

/** Where any of `secrets` occurs in `text` (also base64-encoded, as in a leaked Secret manifest). */
export function scanText(secrets: readonly NamedSecret[], where: string, text: string): SecretHit[] {
  return secrets.filter((s) => text.includes(s.value) || text.includes(Buffer.from(s.value).toString('base64'))).map((s) => ({ where, secret: s.name }));
}

/**
 * The simulator's own stores under <home>/sandbox stand for the cluster, the registry and the tools'
 * own credential stores (docker's config.json, helm's cache): not lifesub's output, so not scanned.
 */
const SIMULATOR_OWNED = ['state.json', 'registry.json', 'tokens.json', 'docker', 'images', 'helm', 'charts', 'kubeconfig'].map((p) => join('sandbox', p));

/** Every regular file under `home` that lifesub or a tool wrote, as home-relative paths. */
export function filesOf(home: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(home, full);
      if (SIMULATOR_OWNED.some((p) => rel === p || rel.startsWith(p + sep))) continue;
      if (rel.split(sep).includes('.git')) continue; // git's object store: compressed, never lifesub's writing
      const st = statSync(full, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(full);
      else if (st?.isFile() && st.size < 5_000_000) out.push(rel);
    }
  };
  if (existsSync(home)) walk(home);
  return out;
}

/** Scans a home's files, the tool argv log and the given captures (stdout/stderr of CLI runs). */
export function scanHome(home: string, captures: ReadonlyArray<{ where: string; text: string }>): SecretHit[] {
  const secrets = secretsOfHome(home);
  if (secrets.length === 0) return [];
  const hits: SecretHit[] = [];
  for (const c of captures) hits.push(...scanText(secrets, c.where, c.text));
  for (const rel of filesOf(home)) hits.push(...scanText(secrets, `file ${rel}`, readFileSync(join(home, rel), 'latin1')));
  return hits;
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
