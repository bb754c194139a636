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

const smokeProbe = z
  .object({
    method: z.enum(['GET', 'POST']),
    /** Relative to the service's apiPath, e.g. /login. */
    path: z.string().regex(/^\//, 'a path starting with /'),
    /** JSON body sent with the request (POST). */
    body: z.string().optional(),
    /** Statuses that prove the request reached the service's own code. */
    expect: z.array(z.number().int().min(100).max(599)).min(1),
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
    /** Backend: the path prefix all of its API routes live under (e.g. /api/auth); the Ingress maps it. */
    apiPath: z
      .string()
      .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'a path like /api/auth')
      .optional(),
    /** Backend: one real route the smoke check calls through the frontend's URL, relative to apiPath. */
    smoke: smokeProbe.optional(),
  })
  .strict()
  .refine((s) => s.kind === 'frontend' || (s.module && s.jar && s.database), {
    message: 'a backend service needs module, jar and database',
  })
  .refine((s) => s.kind === 'frontend' || s.apiPath, {
    message: 'a backend service needs apiPath, the path prefix of its API (e.g. /api/auth)',
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
    /** How each student's routes are told apart on the shared ingress controller. */
    routing: z
      .object({
        /** host: `<id>.<ingress-ip>.<domain>` (needs wildcard DNS such as nip.io); path: `/<id>/…` on the address. */
        mode: z.enum(['host', 'path']),
        domain: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a DNS domain like nip.io'),
      })
      .strict(),
    frontend: z
      .object({
        /** Where lifesub-web's API client reads its base URLs, relative to the repository. */
        apiClient: z.string().min(1),
        /**
         * Override of the detected convention: backend service → the path its base URL must end with
         * ('' or a leading part of its apiPath). Set it when the API client cannot be read.
         */
        apiBasePaths: z.record(z.string(), z.string().regex(/^$|^(\/[A-Za-z0-9._~-]+)+$/, "'' or a path like /api/auth")).optional(),
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
        /** Backend image builds (a jar copied onto a JRE image: pulls and copies, little CPU). */
        images: z.number().int().min(1),
      })
      .strict(),
    /** Paths of external tools; env LIFESUB_HELM overrides `helm`. */
    tools: z
      .object({ helm: z.string().min(1).optional() })
      .strict()
      .optional(),
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
  /** `up --strict`: refuse existing clones on another branch or with uncommitted changes (default: warn). */
  strict?: boolean;
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
