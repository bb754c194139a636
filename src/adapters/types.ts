// The narrow interfaces between lifesub and the outside world. Steps see only these; the composition
// root (src/compose.ts) alone decides whether the real or the sandbox-backed implementations are wired.
// Every call takes an AbortSignal; secrets travel only as arguments that end up on stdin or in the API.

/** Callback for streaming progress lines (already redacted by the adapter). */
export type LineSink = (line: string) => void;

export interface CallOptions {
  signal: AbortSignal;
  /** Progress lines of a long-running tool (build output, push progress). */
  onLine?: LineSink;
}

// ---------------------------------------------------------------- processes

export interface RunOptions extends CallOptions {
  cwd?: string;
  /** Written to the child's stdin (the only way a secret may reach a child process). */
  input?: string;
  /** Extra environment variables for the child. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Strings to scrub from anything this call reports (errors, lines). */
  secrets?: string[];
  /** Stderr lines only, as they come (a credential plugin's prompts); stdout then stays private. Wins over onLine for stderr. */
  onStderr?: LineSink;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * The one way lifesub spawns processes. The real runner (execa, argument arrays, process-group kill
 * on abort) lives in src/adapters/exec.ts; tests use a scripted fake that fails on unexpected calls.
 * A non-zero exit rejects with ToolError whose message names the tool and whose details carry the
 * redacted tail of stderr; a missing executable rejects with ToolError whose hint says how to install it.
 */
export interface CommandRunner {
  run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult>;
}

// ---------------------------------------------------------------- Kubernetes

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  resourceVersion?: string;
  uid?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** What is being waited for, for the timeout message: "LoadBalancer address of service x". */
  describe: string;
  /** Hint for the timeout error. */
  hint?: string;
}

export interface Kube {
  /** Checks that the kubeconfig/context exist and the API answers. Throws UserError/ToolError with a hint. */
  ping(signal: AbortSignal): Promise<{ server: string; context: string; version: string }>;
  /** Server-side apply with fieldManager "lifesub" and force. Returns the object as stored. */
  apply(obj: KubeObject, signal: AbortSignal): Promise<KubeObject>;
  /** Create only; returns undefined when it already exists (409). */
  create(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined>;
  /**
   * Replaces (PUT) an object read earlier, guarded by its metadata.resourceVersion (optimistic
   * concurrency). Returns the stored object, or undefined when someone else changed or deleted it since
   * (409 Conflict / 404): re-read and decide again.
   */
  replace(obj: KubeObject, signal: AbortSignal): Promise<KubeObject | undefined>;
  get(ref: ObjectRef, signal: AbortSignal): Promise<KubeObject | undefined>;
  list(apiVersion: string, kind: string, namespace: string | undefined, options: ListOptions, signal: AbortSignal): Promise<KubeObject[]>;
  /** Returns false when there was nothing to delete. Background propagation. */
  delete(ref: ObjectRef, signal: AbortSignal): Promise<boolean>;
  /**
   * Watches one object (list+watch, re-established on drop) until `check` returns something other
   * than undefined, and resolves with that. `check` also sees `undefined` while/when the object does
   * not exist (so "wait until deleted" is `obj => obj ? undefined : true`). Throws ToolError naming
   * `describe` on timeout, AbortedError on abort.
   */
  waitFor<T>(ref: ObjectRef, check: (obj: KubeObject | undefined) => T | undefined, options: WaitOptions): Promise<T>;
  /** Last lines of a pod's container log ('' when none). */
  podLogs(namespace: string, pod: string, container: string | undefined, tailLines: number, signal: AbortSignal): Promise<string>;
  /**
   * When the kubeconfig user is an exec credential plugin (kubelogin on AAD clusters): runs it once with
   * its prompts shown live and uses its token for every later call. Resolves with the plugin's name, or
   * undefined when the user needs no plugin. Throws ToolError naming the plugin, AbortedError on abort.
   */
  authenticate?(options: { signal: AbortSignal; timeoutMs: number }): Promise<string | undefined>;
}

// ---------------------------------------------------------------- Helm

export interface HelmRelease {
  name: string;
  namespace: string;
  status: string;
  chart: string;
  revision: number;
  /** When the release last changed (ms since epoch), when helm says. */
  updatedMs?: number;
}

export interface HelmInstall {
  release: string;
  chart: string;
  version: string;
  namespace: string;
  createNamespace?: boolean;
  /** Values as YAML, passed on stdin (`--values -`). */
  values: string;
  timeoutMs: number;
  /** Labels for the release (helm --labels), e.g. managed-by lifesub. */
  labels?: Record<string, string>;
}

export interface Helm {
  repoAdd(name: string, url: string, options: CallOptions): Promise<void>;
  repoUpdate(names: string[], options: CallOptions): Promise<void>;
  /** Whether the local repository index already lists `chart` ("repo/name") at exactly `version` (`helm search repo`). */
  chartVersionKnown(chart: string, version: string, options: CallOptions): Promise<boolean>;
  upgradeInstall(install: HelmInstall, options: CallOptions): Promise<void>;
  /** Returns false when the release does not exist. */
  uninstall(release: string, namespace: string, options: CallOptions): Promise<boolean>;
  status(release: string, namespace: string, options: CallOptions): Promise<HelmRelease | undefined>;
  list(namespace: string | undefined, options: CallOptions): Promise<HelmRelease[]>;
  /**
   * The helm lifesub would run and its version ("v3.17.3"), for `doctor`/preflight. Throws what the
   * binary's resolution throws (UserError saying how to get a usable helm), AbortedError on abort.
   */
  version?(options: CallOptions): Promise<{ binary: string; version: string }>;
}

// ---------------------------------------------------------------- Docker, Gradle, Git

export interface DockerBuild {
  context: string;
  /** Path of the Dockerfile, relative to context or absolute. */
  dockerfile: string;
  tags: string[];
  buildArgs: Record<string, string>;
  labels?: Record<string, string>;
  platform?: string;
}

export interface Docker {
  /** Resolves with the built image ID (sha256:…). */
  build(build: DockerBuild, options: CallOptions): Promise<{ imageId: string }>;
  /** Resolves with the pushed manifest digest when the tool reports it. */
  push(ref: string, options: CallOptions): Promise<{ digest?: string }>;
  /** `docker login SERVER -u USER --password-stdin`: the password goes on stdin only. */
  login(server: string, username: string, password: string, options: CallOptions): Promise<void>;
  /**
   * The Docker engine's version (`docker version --format {{.Server.Version}}`), for `doctor`/preflight:
   * proves the CLI exists and its daemon answers. Throws ToolError (stderr tail in details) otherwise.
   */
  engineVersion?(options: CallOptions): Promise<string>;
}

export interface Gradle {
  /** `./gradlew <tasks…> -x test` in the repository; tasks like ":member:build". */
  build(repoDir: string, tasks: string[], options: CallOptions): Promise<void>;
  /**
   * The JDK a build in `repoDir` would run on, checked against what the repository declares (or, when
   * it declares nothing or is not cloned yet, against `fallback`). Resolves with what was found; throws
   * ToolError with the fix when that JDK is missing or cannot build it. Runs nothing but `java -version`.
   */
  checkJdk?(repoDir: string | undefined, options: CallOptions & { fallback?: { release: number; declaration: string } }): Promise<JdkFound>;
}

/** What `java -version` said, and what it was checked against. */
export interface JdkFound {
  /** "21.0.5"; undefined when the launcher's output was not recognised. */
  version?: string;
  /** Where it came from: "java on PATH", "JAVA_HOME=/usr/lib/jvm/…". */
  where: string;
  /** The Java release it had to satisfy and the declaration that says so. */
  need?: { release: number; declaration: string };
}

export interface Git {
  isRepo(dir: string, options: CallOptions): Promise<boolean>;
  clone(url: string, branch: string, dir: string, options: CallOptions): Promise<void>;
  currentBranch(dir: string, options: CallOptions): Promise<string | undefined>;
  headCommit(dir: string, options: CallOptions): Promise<string>;
  /**
   * Uncommitted changes in the work tree, as `git status --porcelain` lists them (modified, staged,
   * deleted, untracked; not ignored). Read-only: never writes the index or anything else.
   */
  uncommittedChanges(dir: string, options: CallOptions): Promise<GitChange[]>;
  /** `git --version` → "2.43.0", for `doctor`/preflight. Throws ToolError (with an install hint) when git cannot run. */
  version?(options: CallOptions): Promise<string>;
}

/** One entry of `git status --porcelain`: the two-letter code ("M ", " M", "??", "R ") and the path. */
export interface GitChange {
  code: string;
  path: string;
}

// ---------------------------------------------------------------- registry (ACR)

export interface RegistryCredential {
  loginServer: string;
  username: string;
  /** Admin password or ACR refresh token: a secret. */
  password: string;
  method: 'admin' | 'token';
}

export interface Registry {
  /** Finds the registry by name and returns credentials for `docker login`. */
  credentials(registryName: string, signal: AbortSignal): Promise<RegistryCredential>;
  /**
   * `HEAD /v2/<repository>/manifests/<tag>` with the credential (admin: Basic; token: an access token
   * from `/oauth2/token`, see library-notes "ACR without the admin user"). Resolves with the manifest
   * digest (`Docker-Content-Digest`, "sha256:…") when the tag exists, undefined on 404. Throws ToolError
   * on any other answer or a network failure, AbortedError on abort.
   */
  manifestDigest(credential: RegistryCredential, repository: string, tag: string, signal: AbortSignal): Promise<string | undefined>;
  /** Names of the registries the signed-in identity can see in the subscription (one ARM list call). */
  registryNames?(signal: AbortSignal): Promise<string[]>;
  /**
   * Server-side copy of one image between two registries of the subscription (ACR import, `az acr import`):
   * nothing passes through this machine. Resolves once the copy is done. Throws UserError when either
   * registry does not exist, ToolError with ACR's own message when the import fails (e.g. source image not found).
   */
  importImage?(request: ImageImport, signal: AbortSignal): Promise<void>;
}

/** One image to copy from `sourceRegistry` into `targetRegistry` (registry names, not login servers). */
export interface ImageImport {
  sourceRegistry: string;
  targetRegistry: string;
  /** `repository:tag` in the source registry, e.g. `lifesub/member:1.0.0-3f2a…`. */
  sourceImage: string;
  /** `repository:tag` to create in the target registry. */
  targetTags: string[];
}

// ---------------------------------------------------------------- HTTP (smoke checks)

export interface HttpResponse {
  status: number;
  body: string;
  /** Response headers, names in lower case (set by `request`). */
  headers?: Record<string, string>;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'OPTIONS';
  url: string;
  /** Extra request headers (e.g. Origin, Content-Type). */
  headers?: Record<string, string>;
  body?: string;
  /**
   * host[:port] to open the connection to instead of resolving the URL's host; the URL's host[:port]
   * is still sent as the Host header. Lets a check reach `<id>.<ip>.nip.io` without DNS.
   */
  connectTo?: string;
}

export interface Http {
  get(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse>;
  /** One request without redirects; any status is a response, not an error (network failures are ToolErrors). */
  request(request: HttpRequest, options: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse>;
}

// ---------------------------------------------------------------- the local machine (doctor)

/** What a directory path is on this machine, as `doctor` needs to know before anything is written. */
export interface DirState {
  /** `missing`: nothing there yet (it will be created under `existingAncestor`). */
  kind: 'directory' | 'file' | 'missing' | 'other';
  /** The path itself when it exists, else the nearest ancestor that exists. */
  existingAncestor: string;
  /** kind `directory` (or `missing`, for the ancestor): this process may create files there. */
  writable: boolean;
  /** Bytes free for this user on the file system holding `existingAncestor` (statfs bavail × bsize). */
  freeBytes: number;
}

/** The local machine's file systems, read only (src/adapters/host.ts). */
export interface Host {
  inspectDir(path: string, signal: AbortSignal): Promise<DirState>;
}

// ---------------------------------------------------------------- the bundle

export interface Adapters {
  kube: Kube;
  helm: Helm;
  docker: Docker;
  gradle: Gradle;
  git: Git;
  registry: Registry;
  http: Http;
  /** The local machine (workspace and free disk), for preflight; absent in fakes that do not need it. */
  host?: Host;
}
