// Runs the built tool shims as real child processes in a throwaway sandbox directory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { pathsOfSandboxDir, type SandboxPaths } from '../../../../src/sandbox/home.js';
import { packageRoot, shimDir } from '../../../../src/sandbox/package-root.js';

export interface ShimResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function requireBuilt(): void {
  const built = path.join(packageRoot, 'dist', 'sandbox', 'tools', 'docker.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before these tests`);
}

export interface TempSandbox {
  root: string;
  paths: SandboxPaths;
  env: Record<string, string>;
  cleanup(): void;
}

export function tempSandbox(extraEnv: Record<string, string> = {}): TempSandbox {
  requireBuilt();
  const root = mkdtempSync(path.join(tmpdir(), 'lifesub-shim-'));
  const paths = pathsOfSandboxDir(path.join(root, 'sandbox'));
  const env = {
    PATH: `${shimDir}${path.delimiter}${process.env.PATH ?? ''}`,
    LIFESUB_SANDBOX_HOME: paths.dir,
    LIFESUB_SANDBOX_PROFILE: 'fast',
    DOCKER_CONFIG: paths.dockerConfigDir,
    ...extraEnv,
  };
  return { root, paths, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs `tool args…` found on PATH (the shim directory comes first), like ExecaRunner does. */
export async function shim(tool: string, args: string[], options: { env: Record<string, string>; input?: string; cwd?: string }): Promise<ShimResult> {
  const result = await execa(tool, args, {
    env: { ...options.env, LIFESUB_SANDBOX_FAULTS: options.env.LIFESUB_SANDBOX_FAULTS ?? '' },
    extendEnv: true,
    input: options.input ?? '',
    cwd: options.cwd,
    reject: false,
    timeout: 20_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
