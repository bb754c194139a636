// Which simulated application runs in a container, chosen by its image as a node would run it:
// `<registry>/lifesub/member|mysub|recommend` (Spring Boot backends), `<registry>/lifesub/lifesub-web`
// (nginx frontend), `bitnami/postgresql` or `bitnamilegacy/postgresql`. Other images keep the API
// server's generic behaviour.
import type { DurationName } from '../contract.js';
import type { KObject } from '../apiserver/types.js';
import { parseImageRef } from '../registry/catalog.js';
import { NGINX_PORT, frontendFiles, serveFrontend } from './frontend.js';
import { member } from './member.js';
import { mysub } from './mysub.js';
import { bootPostgres, isPostgresImage, recordListeningPort } from './postgres.js';
import { recommend } from './recommend.js';
import { bootBackend } from './spring-boot-start.js';
import { serveBackend, type BackendSpec } from './spring-boot.js';
import { containersOf, type AppRequest, type AppResponse, type World } from './world.js';

export type { AppRequest, AppResponse, World } from './world.js';

/** How a container start ends: listening on `port`, or exiting with `exitCode`. Logs are what `kubectl logs` shows. */
export type Boot = { ok: true; port: number; logs: string[] } | { ok: false; exitCode: number; logs: string[] };

export interface AppEnvironment {
  world: World;
  pod: KObject;
  /** The container's environment, as resolved when it started. */
  env: Record<string, string>;
  isReady(pod: KObject): boolean;
  now: number;
}

/** A simulated application: what it does on start and how it answers HTTP. */
export interface AppSim {
  name: string;
  /** The profile duration from container start to listening. */
  startDelay: DurationName;
  boot(e: AppEnvironment): Boot;
  serve(e: AppEnvironment, req: AppRequest): AppResponse;
}

const BACKENDS: Record<string, BackendSpec> = { member, mysub, recommend };

function backendApp(spec: BackendSpec): AppSim {
  return {
    name: spec.name,
    startDelay: 'springBootReady',
    boot: (e) => bootBackend(e.world, e.pod, spec, e.env, e.isReady, e.now),
    serve: (e, req) => serveBackend(e.world, e.pod, spec, e.env, req, e.isReady, e.now),
  };
}

const postgresApp: AppSim = {
  name: 'postgresql',
  startDelay: 'postgresReady',
  boot(e) {
    const b = bootPostgres(e.world, e.pod, e.env);
    if (b.ok) recordListeningPort(e.world, e.pod, b.port);
    return b;
  },
  // PostgreSQL speaks its own protocol: an HTTP client gets the connection closed.
  serve: () => ({ status: 0, headers: {}, body: '' }),
};

const frontendApp: AppSim = {
  name: 'lifesub-web',
  startDelay: 'nginxReady',
  boot: () => ({
    ok: true,
    port: NGINX_PORT,
    logs: ['/docker-entrypoint.sh: Configuration complete; ready for start up', 'nginx: [notice] start worker processes'],
  }),
  serve(e, req) {
    const image = String(containersOf(e.pod)[0]?.image ?? '');
    return serveFrontend(frontendFiles(e.world, e.pod, e.world.imageBuildArgs?.(image)), req, e.now);
  },
};

/** The lab repository an image belongs to (`lifesub/member` → "member"), if it is one of the lab's. */
function labRepo(image: string): string | undefined {
  const { repo } = parseImageRef(image);
  return /^lifesub\/([a-z-]+)$/.exec(repo)?.[1];
}

/** The simulated app of a pod's first container, or undefined for images the sandbox does not simulate. */
export function appFor(pod: KObject): AppSim | undefined {
  const image = String(containersOf(pod)[0]?.image ?? '');
  if (isPostgresImage(image)) return postgresApp;
  const repo = labRepo(image);
  if (repo === 'lifesub-web') return frontendApp;
  const spec = repo ? BACKENDS[repo] : undefined;
  return spec ? backendApp(spec) : undefined;
}
