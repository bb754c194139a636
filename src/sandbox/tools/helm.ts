// The sandbox's `helm`: argument handling and dispatch. Charts are simulated (./charts), releases
// and objects live in the simulated cluster reached through the kubeconfig.
import { addRepo, loadRepos, resolveChart } from './helm-repos.js';
import { KNOWN_REPOSITORIES, normalizeRepoUrl } from './charts/index.js';
import { installRelease } from './helm-install.js';
import { list, status, uninstall } from './helm-commands.js';
import { parseGoDuration } from './helm-wait.js';
import { readValues } from './helm-values.js';
import { all, has, last, MissingValue, parseArgs, UnknownFlag, type FlagSpec, type ParsedArgs } from './args.js';
import { loadTarget } from './kube-client.js';
import { runTool, ToolExit, type ToolContext } from './runtime.js';

const GLOBAL: Record<string, FlagSpec> = {
  kubeconfig: { value: true },
  'kube-context': { value: true },
  namespace: { value: true, short: 'n' },
  debug: { value: false },
};
const INSTALL: Record<string, FlagSpec> = {
  install: { value: false, short: 'i' },
  version: { value: true },
  'create-namespace': { value: false },
  values: { value: true, short: 'f' },
  timeout: { value: true },
  labels: { value: true, short: 'l' },
  wait: { value: false },
  'wait-for-jobs': { value: false },
  atomic: { value: false },
  'reset-values': { value: false },
  description: { value: true },
};
const RESERVED_LABELS = ['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt'];
const HELM_VERSION = 'v3.17.3';

function parse(args: string[], spec: Record<string, FlagSpec>): ParsedArgs {
  try {
    return parseArgs(args, { ...GLOBAL, ...spec });
  } catch (err) {
    if (err instanceof UnknownFlag || err instanceof MissingValue) throw new ToolExit(1, `Error: ${err.message}`);
    throw err;
  }
}

function exactArgs(parsed: ParsedArgs, n: number, command: string, usage: string): string[] {
  if (parsed.positionals.length !== n) {
    throw new ToolExit(1, `Error: "helm ${command}" requires ${n} argument${n === 1 ? '' : 's'}\n\nUsage:  helm ${command} ${usage} [flags]`);
  }
  return parsed.positionals;
}

function target(ctx: ToolContext, parsed: ParsedArgs) {
  return loadTarget(last(parsed, 'kubeconfig') ?? ctx.env.KUBECONFIG, last(parsed, 'kube-context'));
}

function timeoutOf(parsed: ParsedArgs): number {
  const text = last(parsed, 'timeout') ?? '5m0s';
  const ms = parseGoDuration(text);
  if (ms === undefined) throw new ToolExit(1, `Error: invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`);
  return ms;
}

function labelsOf(parsed: ParsedArgs): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of all(parsed, 'labels').flatMap((v) => v.split(','))) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ToolExit(1, `Error: invalid argument "${pair}" for "-l, --labels" flag: ${pair} must be formatted as key=value`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (Object.keys(labels).some((k) => RESERVED_LABELS.includes(k))) {
    throw new ToolExit(1, `Error: user supplied labels contains system reserved label name. System labels: [${RESERVED_LABELS.join(' ')}]`);
  }
  return labels;
}

async function repo(ctx: ToolContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const file = ctx.paths().helmReposFile;
  if (sub === 'add') {
    const parsed = parse(rest, { 'force-update': { value: false } });
    const [name, url] = exactArgs(parsed, 2, 'repo add', '[NAME] [URL]') as [string, string];
    await ctx.delay('helmRepo');
    return ctx.out(await addRepo(file, name, url, has(parsed, 'force-update')));
  }
  if (sub === 'update' || sub === 'up') {
    const parsed = parse(rest, { 'fail-on-repo-update-fail': { value: false } });
    const repos = loadRepos(file);
    if (repos.length === 0) throw new ToolExit(1, 'Error: no repositories found. You must add one before updating');
    const chosen = parsed.positionals.length ? repos.filter((r) => parsed.positionals.includes(r.name)) : repos;
    const missing = parsed.positionals.filter((n) => !repos.some((r) => r.name === n));
    if (missing.length) throw new ToolExit(1, `Error: no repositories found matching '[${missing.join(' ')}]'.  Nothing will be updated`);
    ctx.out('Hang tight while we grab the latest from your chart repositories...\n');
    await ctx.delay('helmRepo');
    for (const r of chosen) ctx.out(`...Successfully got an update from the "${r.name}" chart repository\n`);
    return ctx.out('Update Complete. ⎈Happy Helming!⎈\n');
  }
  if (sub === 'list' || sub === 'ls') {
    const parsed = parse(rest, { output: { value: true, short: 'o' } });
    const repos = loadRepos(file);
    if (repos.length === 0) throw new ToolExit(1, 'Error: no repositories to show');
    if (last(parsed, 'output') === 'json') return ctx.out(JSON.stringify(repos) + '\n');
    return ctx.out(['NAME\tURL', ...repos.map((r) => `${r.name}\t${r.url}`)].join('\n') + '\n');
  }
  throw new ToolExit(1, `Error: unknown command "${sub ?? ''}" for "helm repo"\nRun 'helm repo --help' for usage.`);
}

/**
 * `helm search repo <repo>/<chart> --version V -o json`: real helm matches the keyword as a substring
 * against the local index (written by `repo add` and `repo update`) and prints `[]` when nothing
 * matches. The simulated repositories serve every version of their charts, so a chart of a registered
 * repository is found at whatever version is asked for.
 */
async function search(ctx: ToolContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'repo') throw new ToolExit(1, `Error: unknown command "${sub ?? ''}" for "helm search"`);
  const parsed = parse(rest, { version: { value: true }, output: { value: true, short: 'o' }, regexp: { value: false, short: 'r' }, versions: { value: false, short: 'l' } });
  const keyword = parsed.positionals[0] ?? '';
  const hits = loadRepos(ctx.paths().helmReposFile).flatMap((r) =>
    Object.values(KNOWN_REPOSITORIES[normalizeRepoUrl(r.url)] ?? {})
      .map((c) => ({ name: `${r.name}/${c.name}`, version: last(parsed, 'version') ?? c.latestVersion, app_version: c.appVersion, description: '' }))
      .filter((h) => h.name.includes(keyword)),
  );
  if (last(parsed, 'output') === 'json') return ctx.out(`${JSON.stringify(hits)}
`);
  return ctx.out(hits.length === 0 ? 'No results found\n' : ['NAME\tCHART VERSION\tAPP VERSION\tDESCRIPTION', ...hits.map((h) => `${h.name}\t${h.version}\t${h.app_version}\t`)].join('\n') + '\n');
}

async function install(ctx: ToolContext, command: 'upgrade' | 'install', args: string[]): Promise<void> {
  const parsed = parse(args, INSTALL);
  const [release, chartRef] = exactArgs(parsed, 2, command, '[RELEASE] [CHART]') as [string, string];
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(release) || release.length > 53) {
    throw new ToolExit(1, `Error: release name "${release}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`);
  }
  const timeoutMs = timeoutOf(parsed);
  const labels = labelsOf(parsed);
  const { chart, version } = resolveChart(ctx.paths().helmReposFile, chartRef, last(parsed, 'version'));
  const values = await readValues(all(parsed, 'values'));
  const mode = command === 'install' ? 'install' : has(parsed, 'install') ? 'upgrade-install' : 'upgrade';
  const text = await installRelease(ctx, target(ctx, parsed), {
    release,
    chart,
    version,
    namespace: last(parsed, 'namespace') ?? 'default',
    createNamespace: has(parsed, 'create-namespace'),
    values,
    mode,
    wait: has(parsed, 'wait') || has(parsed, 'atomic'),
    timeoutMs,
    labels,
  });
  ctx.out(text);
}

async function main(ctx: ToolContext): Promise<void> {
  const [command, ...args] = ctx.argv;
  switch (command) {
    case 'repo':
      return repo(ctx, args);
    case 'search':
      return search(ctx, args);
    case 'upgrade':
    case 'install':
      return install(ctx, command, args);
    case 'uninstall':
    case 'delete':
    case 'un': {
      const parsed = parse(args, { wait: { value: false }, timeout: { value: true }, 'keep-history': { value: false }, 'ignore-not-found': { value: false } });
      if (parsed.positionals.length === 0) throw new ToolExit(1, 'Error: "helm uninstall" requires at least 1 argument\n\nUsage:  helm uninstall RELEASE_NAME [...] [flags]');
      const t = target(ctx, parsed);
      for (const release of parsed.positionals) {
        try {
          ctx.out(await uninstall(ctx, t, last(parsed, 'namespace') ?? 'default', release, has(parsed, 'wait'), timeoutOf(parsed)));
        } catch (err) {
          if (!(has(parsed, 'ignore-not-found') && err instanceof ToolExit && err.stderr.includes('not found'))) throw err;
        }
      }
      return;
    }
    case 'list':
    case 'ls': {
      const parsed = parse(args, {
        'all-namespaces': { value: false, short: 'A' },
        all: { value: false, short: 'a' },
        output: { value: true, short: 'o' },
        filter: { value: true, short: 'f' },
        short: { value: false, short: 'q' },
        deployed: { value: false },
        failed: { value: false },
      });
      const namespace = has(parsed, 'all-namespaces') ? undefined : (last(parsed, 'namespace') ?? 'default');
      return ctx.out(
        await list(ctx, target(ctx, parsed), { namespace, all: has(parsed, 'all'), filter: last(parsed, 'filter'), output: last(parsed, 'output') ?? 'table', short: has(parsed, 'short') }),
      );
    }
    case 'status': {
      const parsed = parse(args, { output: { value: true, short: 'o' }, 'show-resources': { value: false } });
      const [release] = exactArgs(parsed, 1, 'status', 'RELEASE_NAME') as [string];
      return ctx.out(await status(ctx, target(ctx, parsed), last(parsed, 'namespace') ?? 'default', release, last(parsed, 'output') ?? 'table'));
    }
    case 'version': {
      const parsed = parse(args, { short: { value: false }, template: { value: true } });
      return ctx.out(has(parsed, 'short') ? `${HELM_VERSION}+gsandbox\n` : `version.BuildInfo{Version:"${HELM_VERSION}", GitCommit:"sandbox", GitTreeState:"clean", GoVersion:"go1.23.7"}\n`);
    }
    default:
      throw new ToolExit(1, `Error: unknown command "${command ?? ''}" for "helm"\nRun 'helm --help' for usage.`);
  }
}

runTool('helm', main);
