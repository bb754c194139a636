// Helm through its CLI. Values always travel on stdin (`--values -`): they hold database passwords,
// and argv is visible to every user of the machine (ps, /proc).
import { ToolError, UserError } from '../core/errors.js';
import type { CallOptions, CommandRunner, Helm, HelmInstall, HelmRelease } from './types.js';

export interface HelmCliOptions {
  kubeconfig?: string;
  context?: string;
  /**
   * Finds the helm executable (see resolveHelmBinary), called before the first command; a success is
   * remembered. Default: `helm` as the runner finds it.
   */
  binary?: (signal: AbortSignal) => Promise<string>;
}

/**
 * `helm list` filters that show releases in every state. Helm 3 hides pending and uninstalling
 * releases unless asked (its `--all` was removed in Helm 4, whose list shows every state); these
 * flags exist in both majors, so one argv serves Helm 3.13+ and 4.
 */
export const ALL_STATES = ['--deployed', '--failed', '--pending', '--superseded', '--uninstalled', '--uninstalling'] as const;

/** Extra time the runner allows beyond helm's own --timeout, so helm reports its timeout itself. */
const RUNNER_MARGIN_MS = 60_000;

export class HelmCli implements Helm {
  private resolving?: Promise<string>;

  constructor(
    private readonly runner: CommandRunner,
    private readonly opts: HelmCliOptions = {},
  ) {}

  /**
   * Adds the repository unless it is already there. An entry of the same name pointing elsewhere is
   * the user's (a mirror, another course): lifesub never re-points it (no --force-update).
   */
  async repoAdd(name: string, url: string, options: CallOptions): Promise<void> {
    const existing = (await this.repoList(options)).find((r) => r.name === name);
    if (existing && sameRepoUrl(existing.url, url)) return;
    if (existing) {
      throw new UserError(
        `the Helm repository '${name}' already points at ${existing.url}, not ${url}; lifesub does not change repositories it did not add`,
        `re-point it yourself (helm repo add ${name} ${url} --force-update), or give lifesub another name for it in --config (repoName and chart, e.g. lifesub-${name})`,
      );
    }
    await this.helm(['repo', 'add', name, url], options);
  }

  private async repoList(options: CallOptions): Promise<Array<{ name: string; url: string }>> {
    try {
      const parsed: unknown = JSON.parse((await this.query(['repo', 'list', '-o', 'json'], options)).trim() || '[]');
      return Array.isArray(parsed)
        ? (parsed as Array<{ name?: unknown; url?: unknown }>).map((r) => ({ name: String(r.name ?? ''), url: String(r.url ?? '') }))
        : [];
    } catch (err) {
      // helm exits 1 with "no repositories to show" when none are configured yet.
      if (err instanceof ToolError && /no repositories to show/.test(`${err.details ?? ''} ${err.message}`)) return [];
      throw err;
    }
  }

  async repoUpdate(names: string[], options: CallOptions): Promise<void> {
    await this.helm(['repo', 'update', ...names], options);
  }

  async chartVersionKnown(chart: string, version: string, options: CallOptions): Promise<boolean> {
    // The keyword matches as a substring ("bitnami/postgresql" also finds postgresql-ha): compare names.
    const stdout = await this.query(['search', 'repo', chart, '--version', version, '-o', 'json'], options);
    let hits: unknown;
    try {
      hits = JSON.parse(stdout.trim() || '[]');
    } catch {
      return false;
    }
    return (
      Array.isArray(hits) &&
      hits.some((h: { name?: unknown; version?: unknown }) => h.name === chart && String(h.version).replace(/^v/, '') === version.replace(/^v/, ''))
    );
  }

  async upgradeInstall(install: HelmInstall, options: CallOptions): Promise<void> {
    const args = ['upgrade', '--install', install.release, install.chart, '--version', install.version, '-n', install.namespace];
    if (install.createNamespace) args.push('--create-namespace');
    args.push('--values', '-', '--timeout', `${Math.max(1, Math.ceil(install.timeoutMs / 1000))}s`);
    const labels = Object.entries(install.labels ?? {});
    if (labels.length > 0) args.push('--labels', labels.map(([k, v]) => `${k}=${v}`).join(','));
    await this.helm(args, options, { input: install.values, timeoutMs: install.timeoutMs + RUNNER_MARGIN_MS });
  }

  async uninstall(release: string, namespace: string, options: CallOptions): Promise<boolean> {
    try {
      await this.helm(['uninstall', release, '-n', namespace, '--wait'], options);
      return true;
    } catch (err) {
      // "Error: uninstall: Release not loaded: member: release: not found"
      if (err instanceof ToolError && /not found/i.test(`${err.details ?? ''}\n${err.message}`)) return false;
      throw err;
    }
  }

  // Every state: plain `helm list` hides pending-install/pending-upgrade (an interrupted or concurrent
  // operation) and uninstalling; a re-run must see those to repair them instead of tripping over them.
  async status(release: string, namespace: string, options: CallOptions): Promise<HelmRelease | undefined> {
    const stdout = await this.query(['list', '-n', namespace, ...ALL_STATES, '-o', 'json', '--filter', `^${escapeRegExp(release)}$`], options);
    return parseReleases(stdout).find((r) => r.name === release);
  }

  async list(namespace: string | undefined, options: CallOptions): Promise<HelmRelease[]> {
    const scope = namespace === undefined ? ['-A'] : ['-n', namespace];
    return parseReleases(await this.query(['list', ...scope, ...ALL_STATES, '-o', 'json'], options));
  }

  // A question whose answer lifesub parses (JSON, or an expected "Error: no repositories to show"):
  // its output is data, not progress, so it is not streamed to the user; a failure still carries it.
  private query(args: string[], options: CallOptions): Promise<string> {
    return this.helm(args, { signal: options.signal });
  }

  async version(options: CallOptions): Promise<{ binary: string; version: string }> {
    const binary = await this.binary(options.signal);
    // No cluster flags: `helm version` reads only the binary.
    const { stdout } = await this.runner.run(binary, ['version', '--template', '{{.Version}}'], { signal: options.signal, timeoutMs: 30_000 });
    return { binary, version: stdout.trim() };
  }

  private async helm(args: string[], options: CallOptions, extra: { input?: string; timeoutMs?: number } = {}): Promise<string> {
    const binary = await this.binary(options.signal);
    const { stdout } = await this.runner.run(binary, [...args, ...this.clusterFlags()], {
      signal: options.signal,
      onLine: options.onLine,
      input: extra.input,
      timeoutMs: extra.timeoutMs,
    });
    return stdout;
  }

  /** One resolution shared by concurrent calls; a failed one is forgotten so the next call retries. */
  private binary(signal: AbortSignal): Promise<string> {
    if (!this.opts.binary) return Promise.resolve('helm');
    const resolving = (this.resolving ??= this.opts.binary(signal));
    resolving.catch(() => {
      if (this.resolving === resolving) this.resolving = undefined;
    });
    return resolving;
  }

  private clusterFlags(): string[] {
    const flags: string[] = [];
    if (this.opts.kubeconfig) flags.push('--kubeconfig', this.opts.kubeconfig);
    if (this.opts.context) flags.push('--kube-context', this.opts.context);
    return flags;
  }
}

interface HelmListEntry {
  name?: unknown;
  namespace?: unknown;
  revision?: unknown;
  status?: unknown;
  chart?: unknown;
  updated?: unknown;
}

function sameRepoUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Parses `helm list -o json` (revision is a string there). */
export function parseReleases(stdout: string): HelmRelease[] {
  const text = stdout.trim();
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ToolError('helm list printed something that is not JSON', 'check that `helm version` is Helm 3 or newer');
  }
  if (!Array.isArray(parsed)) return [];
  return (parsed as HelmListEntry[]).map((r) => ({
    name: String(r.name ?? ''),
    namespace: String(r.namespace ?? ''),
    status: String(r.status ?? ''),
    chart: String(r.chart ?? ''),
    revision: Number(r.revision ?? 0),
    ...withUpdated(r.updated),
  }));
}

/** helm prints Go's time format: "2026-11-23 11:52:03.123456789 +0000 UTC". */
export function parseHelmTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? ([+-]\d{2})(\d{2})/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}${(m[3] ?? '').slice(0, 4)}${m[4]}:${m[5]}`);
  return Number.isNaN(ms) ? undefined : ms;
}

function withUpdated(updated: unknown): { updatedMs?: number } {
  const ms = typeof updated === 'string' ? parseHelmTime(updated) : undefined;
  return ms === undefined ? {} : { updatedMs: ms };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
