// What a step is. A step file defines what the step does and which facts (fields of Facts) it reads
// and writes (StepDefinition); the graph files (src/graph/up.ts, down.ts) place each definition with
// the steps it depends on (Step, like azd's Step{Name, DependsOn}), so every edge is in one place and
// validateGraph can check that each fact read is written by an ancestor. The runner
// (src/graph/runner.ts) starts every step the moment its needs are done, bounded by its pool, and gives
// it a signal that fires on Ctrl-C, on the overall deadline or on its own timeout.
import type { Adapters, HelmRelease, LineSink } from '../adapters/types.js';
import type { Settings, TimeoutName } from '../config/schema.js';

/** Secrets generated once per ID and kept only in the cluster (Secret `lifesub-credentials`). */
export interface Credentials {
  /** postgres superuser password, shared by the three releases */
  postgresPassword: string;
  replicationPassword: string;
  /** per database: the `admin` user's password */
  userPasswords: Record<string, string>;
  jwtSecret: string;
}

/** What steps learn from the world and hand to later steps. Filled in as steps finish. */
export interface Facts {
  /** Absolute paths of the cloned repositories. */
  repoDirs?: { lifesub: string; 'lifesub-web': string };
  /**
   * The frontend's URL convention: backend service → the path its runtime base URL must end with
   * ('' or its apiPath), read from lifesub-web by `frontend-contract` (or the configured override).
   */
  apiBasePaths?: Record<string, string>;
  /**
   * What the cloned frontend's code expects (same shape), when it could be read: the smoke check calls
   * routes as the frontend does, so a configured apiBasePaths that disagrees with the code is caught.
   */
  frontendBasePaths?: Record<string, string>;
  /** The ingress-nginx controller in use (found on the cluster, or installed by lifesub). */
  ingressController?: { namespace: string; service: string; release?: string };
  /** host[:port] of the ingress controller's LoadBalancer. */
  ingressAddress?: string;
  /** host[:port] of the frontend's LoadBalancer. */
  webAddress?: string;
  credentials?: Credentials;
  /** service name → image reference that was built (and later pushed), or `<ref>@<digest>` once in the registry. */
  images?: Record<string, string>;
  /** service name → its content-tagged reference `<server>/<prefix>/<service>:<tag>-<input digest>` (image-tags). */
  imageTags?: Record<string, string>;
  /** service name → manifest digest, for the images already in the registry under their content tag (image-tags). */
  imagesInRegistry?: Record<string, string>;
  /** Set once `docker login` to the registry has succeeded. */
  registryLogin?: { loginServer: string; username: string; method: 'admin' | 'token' };
  /** The registry credential, kept in memory for the image pull secret; never logged. */
  registryPassword?: string;
  /**
   * The releases chart-repos saw (`helm list --all` in the ingress and the student's namespace), a
   * snapshot: a release deployed there needs no chart, and its step may skip without asking helm again.
   */
  helmReleases?: HelmRelease[];
  /** URLs for the summary: the page, the student's API root, and each backend's base URL as the frontend calls it (service → URL). */
  urls?: { web?: string; api?: string; apis?: Record<string, string> };
  /** The workloads readiness waited for, with their ready count at the end ("1/1"), for the summary. */
  workloads?: Array<{ kind: string; name: string; ready: string }>;
  /** `down`: whether the student's namespace existed (set by the guard; false → later steps skip). */
  namespacePresent?: boolean;
}

export interface StepContext {
  settings: Settings;
  adapters: Adapters;
  /** Read what earlier steps produced; write what this step produces. */
  facts: Facts;
  signal: AbortSignal;
  /** One line of progress for the user (shown under the step; redacted by the output layer too). */
  log: LineSink;
  /**
   * Lines of a tool the step runs (pass as the adapters' `onLine`): collapsed to the last lines in a
   * terminal, shown whole with --verbose or when the step fails (src/output/progress.ts).
   */
  output: LineSink;
  /** A short live state of the step that replaces the previous one (e.g. the workloads still pending). */
  status: (text: string) => void;
}

export interface StepOutcome {
  /** The step found the work already done (or not applicable) and did nothing. */
  skipped?: string;
  /** A short result for the summary, e.g. "ingress at 20.1.2.3". */
  message?: string;
}

/** Kinds of heavy work, each bounded by config.concurrency (see config/default.yaml for what each holds). */
export type Pool = 'builds' | 'pushes' | 'helm' | 'images';

/** Facts that are records per service: a step may read or write one service's entry, `images.member`. */
export type PerServiceFact = 'images' | 'imageTags' | 'imagesInRegistry';

/**
 * A fact as a step declares it: a whole field of Facts (`ingressAddress`) or one service's entry of a
 * per-service record (`images.member`). A read of `images.member` is satisfied by a write of
 * `images.member` or of the whole `images`.
 */
export type FactRef = keyof Facts | `${PerServiceFact}.${string}`;

/** What a step file defines: what the step does and what it reads and writes. Its edges are the graph's. */
export interface StepDefinition {
  /** Stable machine name: "ingress", "image:member". */
  name: string;
  /** What the user sees. */
  title: string;
  /** Edges live in the graph files (src/graph/up.ts, down.ts), not in the step's definition. */
  needs?: never;
  /**
   * Facts this step reads (whether it requires them or only uses them when present). validateGraph
   * checks that an ancestor writes each one and that no step running at the same time writes it too.
   */
  reads?: readonly FactRef[];
  /** Facts this step writes. */
  writes?: readonly FactRef[];
  /** Heavy work is bounded per pool (config.concurrency). */
  pool?: Pool;
  /**
   * The step only looks and changes nothing (so a user error raised after it still means "nothing
   * changed"). A step that is not readOnly must come after `preflight` (validateGraph).
   */
  readOnly?: boolean;
  /** Per-step time limit from config.timeouts. */
  timeout?: TimeoutName;
  /**
   * Estimated seconds of real work on a lab VM (default 1): only orders steps waiting for the same
   * pool, longest remaining path first (src/graph/pools.ts). Estimates, not limits.
   */
  costS?: number;
  /** For --dry-run: what this step would run or apply, as lines. Pure: no I/O. */
  plan(settings: Settings): string[];
  run(ctx: StepContext): Promise<StepOutcome | void>;
}

/** A definition placed in a graph: the names of the steps that must be done first. */
export interface Step extends Omit<StepDefinition, 'needs'> {
  /** Names of steps that must be done first. */
  needs: string[];
}

/** Places `definition` in a graph after the steps named in `needs` (azd's Step{Name, DependsOn}). */
export function dependsOn(definition: StepDefinition, ...needs: string[]): Step {
  return { ...definition, needs };
}

/** Reads a fact a step needs; a missing one means the graph is wired wrong (a bug, not a user error). */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is not known yet (graph dependency missing)`);
  return value;
}
