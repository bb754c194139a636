// `lifesub config`: the effective value of each setting and where it came from. Only names, paths and
// plain settings are shown; lifesub keeps no secret in its configuration, and kubeconfig contents
// (tokens) are never read here, only its path.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Sourced } from './sources.js';
import { expandHome, type Inputs } from './settings.js';

export interface Explained {
  key: string;
  /** undefined: not set (the row says what happens then). */
  value?: string;
  source: Sourced['source'] | 'derived';
  /** "--id", "LIFESUB_ID", a file path, "config/default.yaml", or what a derived value is derived from. */
  origin: string;
}

/** One row per setting, in the order a person reads them. */
export function explainInputs(inputs: Inputs, env: NodeJS.ProcessEnv): Explained[] {
  const cfg = inputs.reading.config;
  const row = (key: string, v: Sourced | undefined, unset: string): Explained =>
    v ? { key, value: v.value, source: v.source, origin: v.origin } : { key, source: 'default', origin: unset };
  const id = inputs.id?.value.trim();
  const rows: Explained[] = [
    inputs.file
      ? { key: 'config file', value: inputs.file.value, source: inputs.file.source, origin: inputs.file.origin }
      : { key: 'config file', source: 'default', origin: 'none (no --config, LIFESUB_CONFIG or ./lifesub.config.yaml)' },
    row('id', inputs.id, 'not set: commands that need it stop and ask for --id'),
  ];
  if (id && cfg) {
    rows.push({ key: 'namespace', value: `${id}${cfg.namespaceSuffix}`, source: 'derived', origin: 'id + namespaceSuffix' });
    rows.push({ key: 'registry', value: `${id}${cfg.registrySuffix}.${cfg.registry.domain}`.toLowerCase(), source: 'derived', origin: 'id + registrySuffix' });
  }
  rows.push(
    inputs.workspace ? { ...row('workspace', inputs.workspace, ''), value: expandHome(inputs.workspace.value) } : row('workspace', undefined, 'unknown'),
  );
  rows.push(
    inputs.kubeconfig
      ? row('kubeconfig', inputs.kubeconfig, '')
      : env.KUBECONFIG
        ? { key: 'kubeconfig', value: env.KUBECONFIG, source: 'env', origin: 'KUBECONFIG' }
        : { key: 'kubeconfig', value: join(homedir(), '.kube', 'config'), source: 'default', origin: "kubectl's default" },
  );
  rows.push(row('context', inputs.context, "the kubeconfig's current context"));
  rows.push(row('timeout', inputs.timeout, 'none overall (per-step limits under timeouts:)'));
  for (const key of inputs.reading.overrides ?? []) {
    if (key !== 'workspace' && inputs.file && cfg) rows.push({ key, value: compact(cfg[key as keyof typeof cfg]), source: 'file', origin: inputs.file.value });
  }
  if (env.LIFESUB_HOME) rows.push({ key: 'sandbox home', value: env.LIFESUB_HOME, source: 'env', origin: 'LIFESUB_HOME' });
  if (env.LIFESUB_HELM) rows.push({ key: 'helm binary', value: env.LIFESUB_HELM, source: 'env', origin: 'LIFESUB_HELM' });
  return rows;
}

/** Aligned text: key, value, "(source: origin)". */
export function formatExplained(rows: Explained[]): string {
  const width = Math.max(...rows.map((r) => r.key.length));
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => (r.value ?? '-').length)));
  return rows.map((r) => `${r.key.padEnd(width)}  ${(r.value ?? '-').padEnd(valueWidth)}  (${r.source}: ${r.origin})`).join('\n');
}

/** A configuration value on one line, shortened: `{"mode":"path","domain":"nip.io"}`. */
function compact(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
