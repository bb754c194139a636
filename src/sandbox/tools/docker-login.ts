// `docker login SERVER -u USER --password-stdin` and `docker logout`: verify against the sandbox
// registry, then keep the login in $DOCKER_CONFIG/config.json like the real docker (base64
// user:password). The password is read from stdin and never printed.
import path from 'node:path';
import { DOCKER_CONFIG_VAR } from '../env.js';
import { readJson, writeJsonAtomic } from '../json-file.js';
import { withShortLock } from '../short-lock.js';
import { ACR_UNAUTHORIZED, basicAuth, noSuchHost, registryCall } from './registry-client.js';
import { readStdin, ToolExit, type ToolContext } from './runtime.js';

interface DockerConfig {
  auths?: Record<string, { auth?: string }>;
}

export function dockerConfigFile(ctx: ToolContext): string {
  const dir = ctx.env[DOCKER_CONFIG_VAR] ?? ctx.paths().dockerConfigDir;
  return path.join(dir, 'config.json');
}

/** The stored `Authorization` header for a registry host, if logged in. */
export function storedAuth(ctx: ToolContext, host: string): string | undefined {
  const auth = (readJson(dockerConfigFile(ctx)) as DockerConfig | undefined)?.auths?.[host]?.auth;
  return auth ? `Basic ${auth}` : undefined;
}

export interface LoginRequest {
  server: string;
  username?: string;
  password?: string;
  passwordStdin: boolean;
}

export async function login(ctx: ToolContext, req: LoginRequest): Promise<void> {
  if (req.passwordStdin && req.password !== undefined) throw new ToolExit(1, '--password and --password-stdin are mutually exclusive');
  if (req.passwordStdin && !req.username) throw new ToolExit(1, 'Must provide --username with --password-stdin');
  if (!req.username) throw new ToolExit(1, 'Error: Cannot perform an interactive login from a non TTY device');
  if (req.password !== undefined) ctx.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  const password = req.passwordStdin ? (await readStdin()).replace(/[\r\n]+$/, '') : req.password;
  if (!password) throw new ToolExit(1, 'Error: Cannot perform an interactive login from a non TTY device');
  const host = req.server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');

  await ctx.delay('dockerLogin');
  const res = await registryCall(host, 'GET', '/v2/', { auth: basicAuth(req.username, password), signal: ctx.signal, env: ctx.env });
  if (res.unknownHost) throw new ToolExit(1, `Error response from daemon: ${noSuchHost(host)}`);
  if (res.status !== 200) throw new ToolExit(1, `Error response from daemon: Get "https://${host}/v2/": ${ACR_UNAUTHORIZED}`);

  const file = dockerConfigFile(ctx);
  await withShortLock(`${file}.lock`, () => {
    const config = (readJson(file) as DockerConfig | undefined) ?? {};
    config.auths = { ...config.auths, [host]: { auth: Buffer.from(`${req.username}:${password}`).toString('base64') } };
    writeJsonAtomic(file, config, 0o600);
  });
  ctx.err(
    `WARNING! Your password will be stored unencrypted in ${file}.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/engine/reference/commandline/login/#credential-stores\n\n`,
  );
  ctx.out('Login Succeeded\n');
}

export async function logout(ctx: ToolContext, server: string): Promise<void> {
  const file = dockerConfigFile(ctx);
  await withShortLock(`${file}.lock`, () => {
    const config = (readJson(file) as DockerConfig | undefined) ?? {};
    if (!config.auths?.[server]) {
      ctx.out(`Not logged in to ${server}\n`);
      return;
    }
    delete config.auths[server];
    writeJsonAtomic(file, config, 0o600);
    ctx.out(`Removing login credentials for ${server}\n`);
  });
}
