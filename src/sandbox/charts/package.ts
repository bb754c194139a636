// Packages the sandbox's stand-in charts (config/sandbox/charts/<name>/) as Helm does: a gzipped tar
// whose entries sit under `<name>/`. Cached in $LIFESUB_HOME/sandbox/charts/: a chart is packaged
// again only when its sources change.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { create as createTar } from 'tar';
import { parse } from 'yaml';
import { packageRoot } from '../package-root.js';

/** Where the stand-in chart sources live in the lifesub package. */
export const chartSourcesDir: string = path.join(packageRoot, 'config', 'sandbox', 'charts');

/** One packaged chart, with what a repository index lists about it. */
export interface PackagedChart {
  name: string;
  version: string;
  appVersion?: string;
  apiVersion: string;
  description?: string;
  type?: string;
  /** Absolute path of `<name>-<version>.tgz`. */
  file: string;
  /** sha256 hex of the .tgz, as `helm repo index` writes it. */
  digest: string;
}

interface ChartMeta {
  apiVersion: string;
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  type?: string;
}

/**
 * Packages every chart under `sourcesDir` into `outDir` (created if missing); reuses a package whose
 * recorded source hash matches. Throws when a Chart.yaml lacks name or version (a broken package).
 */
export async function packageCharts(outDir: string, sourcesDir: string = chartSourcesDir): Promise<PackagedChart[]> {
  mkdirSync(outDir, { recursive: true });
  const charts: PackagedChart[] = [];
  for (const dir of readdirSync(sourcesDir).sort()) {
    const chartDir = path.join(sourcesDir, dir);
    if (!statSync(chartDir).isDirectory()) continue;
    const meta = parse(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as ChartMeta;
    if (!meta?.name || !meta.version) throw new Error(`${chartDir}/Chart.yaml needs name and version`);
    const file = path.join(outDir, `${meta.name}-${meta.version}.tgz`);
    const hashFile = `${file}.source-sha256`;
    const sourceHash = hashTree(chartDir);
    if (!existsSync(file) || !existsSync(hashFile) || readFileSync(hashFile, 'utf8') !== sourceHash) {
      const tmp = `${file}.${process.pid}.tmp`;
      // Fixed mtimes and owners: the same sources always give the same bytes (and digest).
      await createTar({ gzip: true, file: tmp, cwd: sourcesDir, portable: true, mtime: new Date(0) }, [dir]);
      renameSync(tmp, file);
      writeFileSync(hashFile, sourceHash);
    }
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    charts.push({ ...meta, file, digest });
  }
  return charts;
}

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}
