// Docker through its CLI. The registry password reaches docker on stdin only (--password-stdin).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { CallOptions, CommandRunner, Docker, DockerBuild } from './types.js';

export class DockerCli implements Docker {
  constructor(private readonly runner: CommandRunner) {}

  async build(build: DockerBuild, options: CallOptions): Promise<{ imageId: string }> {
    // The image ID comes from --iidfile rather than from parsing the build output: the output format
    // differs between the classic builder and BuildKit (and across docker versions), the file does not.
    const dir = await mkdtemp(join(tmpdir(), 'lifesub-iid-'));
    const iidFile = join(dir, 'iid');
    try {
      await this.runner.run('docker', buildArgs(build, iidFile), {
        signal: options.signal,
        onLine: options.onLine,
        // Build args are URLs and paths, not secrets; the runner still runs output through redaction.
      });
      const imageId = (await readFile(iidFile, 'utf8').catch(() => '')).trim();
      if (!imageId) {
        throw new ToolError('docker build finished without reporting an image ID', 'check that `docker version` works and retry');
      }
      return { imageId };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async push(ref: string, options: CallOptions): Promise<{ digest?: string }> {
    const { stdout, stderr } = await this.runner.run('docker', ['push', ref], { signal: options.signal, onLine: options.onLine });
    // "1.0.0: digest: sha256:<64 hex> size: 1234"
    const digest = /digest: (sha256:[a-f0-9]{64})/.exec(`${stdout}\n${stderr}`)?.[1];
    return digest ? { digest } : {};
  }

  async engineVersion(options: CallOptions): Promise<string> {
    // The server part needs the daemon: without one docker prints "Cannot connect to the Docker daemon …" and exits 1.
    const { stdout } = await this.runner.run('docker', ['version', '--format', '{{.Server.Version}}'], { signal: options.signal });
    return stdout.trim();
  }

  async login(server: string, username: string, password: string, options: CallOptions): Promise<void> {
    await this.runner.run('docker', ['login', server, '-u', username, '--password-stdin'], {
      signal: options.signal,
      onLine: options.onLine,
      input: password,
      secrets: [password],
    });
  }
}

/** `docker build -f DOCKERFILE --build-arg K=V… -t TAG… [--label k=v…] [--platform P] CONTEXT --iidfile FILE`. */
export function buildArgs(build: DockerBuild, iidFile: string): string[] {
  // docker resolves -f against the current directory, the contract says "relative to context".
  const dockerfile = isAbsolute(build.dockerfile) ? build.dockerfile : resolve(build.context, build.dockerfile);
  const args = ['build', '-f', dockerfile];
  for (const [key, value] of Object.entries(build.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  for (const tag of build.tags) args.push('-t', tag);
  for (const [key, value] of Object.entries(build.labels ?? {})) args.push('--label', `${key}=${value}`);
  if (build.platform) args.push('--platform', build.platform);
  args.push(build.context, '--iidfile', iidFile);
  return args;
}
