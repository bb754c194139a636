// The shape of lifesub's configuration (config/default.yaml, `--config FILE`). Strict: an unknown
// key is an error, so a misspelled override never silently does nothing.
import { z } from 'zod';

export const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
/**
 * The longest duration accepted anywhere (7 days). Node's timers hold at most 2^31-1 ms (~24.8 days);
 * a longer delay fires at once (with a TimeoutOverflowWarning), so an absurd limit would fail every step.
 */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;
const duration = z
  .string()
  .regex(durationPattern, 'a duration like 90s, 5m or 1h')
  .refine((text) => !durationPattern.test(text.trim()) || parseDuration(text) <= MAX_DURATION_MS, 'at most 168h (7 days)');

const repository = z
  .object({
    url: z.string().min(1),
    branch: z.string().min(1),
    dir: z.string().min(1),
  })
  .strict();

const service = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lowercase DNS name'),
    kind: z.enum(['backend', 'frontend']),
    repo: z.enum(['lifesub', 'lifesub-web']),
    module: z.string().optional(),
    jar: z.string().optional(),
    port: z.number().int().min(1).max(65535),
    database: z.string().optional(),
    dockerfiles: z.array(z.string().min(1)).min(1),
  })
  .strict()
  .refine((s) => s.kind === 'frontend' || (s.module && s.jar && s.database), {
    message: 'a backend service needs module, jar and database',
  });

export const configSchema = z
  .object({
    workspace: z.string().min(1),
    namespaceSuffix: z.string(),
    registrySuffix: z.string(),
    repositories: z.object({ lifesub: repository, 'lifesub-web': repository }).strict(),
    registry: z
      .object({
        domain: z.string().min(1),
        repositoryPrefix: z.string().min(1),
        tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'a valid image tag'),
      })
      .strict(),
    ingress: z
      .object({
        release: z.string(),
        namespace: z.string(),
        repoName: z.string(),
        repoUrl: z.string().url(),
        chart: z.string(),
        version: z.string(),
        service: z.string(),
      })
      .strict(),
    postgres: z
      .object({
        repoName: z.string(),
        repoUrl: z.string().url(),
        chart: z.string(),
        version: z.string(),
        username: z.string(),
        storageClass: z.string(),
        size: z.string(),
        imageRepository: z.string().min(1),
      })
      .strict(),
    services: z.array(service).min(1),
    extraAllowedOrigins: z.array(z.string()),
    timeouts: z
      .object({
        repos: duration,
        helm: duration,
        build: duration,
        push: duration,
        loadBalancer: duration,
        readiness: duration,
        smoke: duration,
        namespaceDelete: duration,
      })
      .strict(),
    concurrency: z
      .object({
        builds: z.number().int().min(1),
        pushes: z.number().int().min(1),
        helm: z.number().int().min(1),
      })
      .strict(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ServiceConfig = Config['services'][number];
export type TimeoutName = keyof Config['timeouts'];

/** Everything a run needs, derived once from the ID, the config and the flags. */
export interface Settings {
  id: string;
  namespace: string;
  registryName: string;
  /** e.g. alicecr.azurecr.io */
  loginServer: string;
  workspace: string;
  kubeconfig?: string;
  context?: string;
  config: Config;
  /** Overall deadline in ms, if `--timeout` was given. */
  timeoutMs?: number;
  yes: boolean;
  verbose: boolean;
  output: 'text' | 'json';
}

/** `<server>/<prefix>/<service>:<tag>` */
export function imageRef(s: Pick<Settings, 'loginServer' | 'config'>, service: string, tag = s.config.registry.tag): string {
  return `${s.loginServer}/${s.config.registry.repositoryPrefix}/${service}:${tag}`;
}

export function parseDuration(text: string): number {
  const m = durationPattern.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(n * unit);
}
