// `helm repo add|update|list` state (helm-repos.json) and chart reference lookup.
import { readJson, writeJsonAtomic } from '../json-file.js';
import { withShortLock } from '../short-lock.js';
import { KNOWN_REPOSITORIES, normalizeRepoUrl, OCI_CHARTS, type Chart } from './charts/index.js';
import { ToolExit } from './runtime.js';

export interface RepoEntry {
  name: string;
  url: string;
}

export function loadRepos(file: string): RepoEntry[] {
  const raw = readJson(file) as { repositories?: RepoEntry[] } | undefined;
  return raw?.repositories ?? [];
}

/** Adds a repository like `helm repo add`; returns the message helm prints. */
export async function addRepo(file: string, name: string, url: string, forceUpdate: boolean): Promise<string> {
  const normalized = normalizeRepoUrl(url);
  if (!KNOWN_REPOSITORIES[normalized]) {
    throw new ToolExit(1, `Error: looks like "${url}" is not a valid chart repository or cannot be reached: failed to fetch ${normalized}/index.yaml : 404 Not Found`);
  }
  return withShortLock(`${file}.lock`, () => {
    const repos = loadRepos(file);
    const existing = repos.find((r) => r.name === name);
    if (existing && normalizeRepoUrl(existing.url) === normalized) return `"${name}" already exists with the same configuration, skipping\n`;
    if (existing && !forceUpdate) throw new ToolExit(1, `Error: repository name (${name}) already exists, please specify a different name`);
    const next = repos.filter((r) => r.name !== name).concat({ name, url: normalized });
    writeJsonAtomic(file, { repositories: next });
    return `"${name}" has been added to your repositories\n`;
  });
}

export interface ResolvedChart {
  chart: Chart;
  version: string;
}

/** `repo/chart` (or a known oci:// reference) → the simulated chart, with helm's errors. */
export function resolveChart(file: string, reference: string, version: string | undefined): ResolvedChart {
  let chart = OCI_CHARTS[reference];
  if (!chart) {
    if (reference.startsWith('oci://')) throw new ToolExit(1, `Error: ${reference}: not found`);
    const slash = reference.indexOf('/');
    if (slash < 0) throw new ToolExit(1, `Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: ${reference}`);
    const repoName = reference.slice(0, slash);
    const chartName = reference.slice(slash + 1);
    const repo = loadRepos(file).find((r) => r.name === repoName);
    if (!repo) throw new ToolExit(1, `Error: repo ${repoName} not found`);
    chart = KNOWN_REPOSITORIES[normalizeRepoUrl(repo.url)]?.[chartName];
    if (!chart) throw new ToolExit(1, `Error: chart "${chartName}" matching ${version ?? ''} not found in ${repoName} index. (try 'helm repo update'): no chart name found`);
  }
  if (version !== undefined && !/^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version)) {
    throw new ToolExit(1, `Error: chart "${chart.name}" matching ${version} not found in ${reference.split('/')[0]} index. (try 'helm repo update'): improper constraint: ${version}`);
  }
  return { chart, version: (version ?? chart.latestVersion).replace(/^v/, '') };
}
