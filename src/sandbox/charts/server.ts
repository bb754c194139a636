// A Helm chart repository over HTTP, as `helm repo add` expects one: `GET <repo>/index.yaml` and the
// packaged charts it lists (relative URLs, resolved by helm against the repository URL). Each
// repository path holds the stand-in for one upstream repository; a version the index does not list
// fails in helm itself ("chart … matching … not found"), as with the real repository.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { stringify } from 'yaml';
import { closeServer, listenStable } from '../ports.js';
import type { PackagedChart } from './package.js';

/**
 * Upstream repository → the stand-in charts it serves, by path under the server. The paths are what
 * the composition root substitutes for config `ingress.repoUrl` / `postgres.repoUrl`.
 */
export const CHART_REPOSITORIES: Record<string, string[]> = {
  'ingress-nginx': ['ingress-nginx'],
  bitnami: ['postgresql'],
};

export interface ChartRepoServer {
  /** Base URL (http://127.0.0.1:PORT); a repository is `<url>/<path>` (see CHART_REPOSITORIES). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Renders a repository's index.yaml (apiVersion v1, entries by chart name, newest first). */
export function renderIndex(charts: PackagedChart[], created: string): string {
  const entries: Record<string, unknown[]> = {};
  for (const c of charts) {
    (entries[c.name] ??= []).push({
      apiVersion: c.apiVersion,
      name: c.name,
      version: c.version,
      ...(c.appVersion ? { appVersion: c.appVersion } : {}),
      ...(c.description ? { description: c.description } : {}),
      ...(c.type ? { type: c.type } : {}),
      created,
      digest: c.digest,
      urls: [path.basename(c.file)],
    });
  }
  return stringify({ apiVersion: 'v1', entries, generated: created }, { version: '1.1', lineWidth: 0 });
}

/** Serves `charts` on 127.0.0.1 (the preferred port if free). */
export async function startChartRepoServer(charts: PackagedChart[], port = 0): Promise<ChartRepoServer> {
  const created = new Date().toISOString();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [repo, file, ...rest] = url.pathname.split('/').filter(Boolean);
    const inRepo = charts.filter((c) => repo !== undefined && (CHART_REPOSITORIES[repo] ?? []).includes(c.name));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (rest.length === 0 && inRepo.length > 0 && file === 'index.yaml') {
      res.writeHead(200, { 'content-type': 'application/x-yaml' }).end(renderIndex(inRepo, created));
      return;
    }
    const chart = inRepo.find((c) => path.basename(c.file) === file);
    if (rest.length === 0 && chart) {
      res.writeHead(200, { 'content-type': 'application/gzip' }).end(readFileSync(chart.file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
  });
  const actual = await listenStable(server, port);
  return { url: `http://127.0.0.1:${actual}`, port: actual, close: () => closeServer(server) };
}
