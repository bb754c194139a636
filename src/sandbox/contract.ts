// Types shared by the sandbox's parts (API server, registry, fake ARM, tool shims, start-up).
// The sandbox simulates the outside world; lifesub's real adapters talk to it over real HTTP and
// real child processes. Nothing outside src/sandbox and src/compose.ts may import from here.

/** Every simulated duration, in milliseconds, before `scale` is applied. See config/sandbox/profiles/. */
export interface Profile {
  name: string;
  /** Multiplies every duration (the realistic profile documents its factor). */
  scale: number;
  durations: {
    apiLatency: number;
    loadBalancer: number;
    podStart: number;
    springBootReady: number;
    nginxReady: number;
    postgresReady: number;
    ingressControllerReady: number;
    pvcBind: number;
    namespaceTerminate: number;
    gitClone: number;
    gradleBuild: number;
    dockerBuildBackend: number;
    dockerBuildFrontend: number;
    dockerPush: number;
    dockerLogin: number;
    helmRepo: number;
    helmInstall: number;
    helmUninstall: number;
  };
}
export type DurationName = keyof Profile['durations'];

/** Faults to inject (from the file named by LIFESUB_SANDBOX_FAULTS, YAML or JSON). All optional. */
export interface Faults {
  /** API server: fail this fraction of requests (0..1) with the given kind; never fails /version or discovery more than once in a row. */
  api?: { rate: number; kind: '500' | '503' | '429' | 'reset' | '403'; paths?: string };
  /** Service names (e.g. "lifesub-web", "ingress-nginx-controller") whose LoadBalancer address is never assigned. */
  loadBalancerNever?: string[];
  /** Service names (deployment names) whose image pull fails even when the image exists. */
  imagePullFailure?: string[];
  /** Workload name → how its image pull fails (the kubelet's Failed event wording differs per kind). */
  imagePullError?: Record<string, PullErrorKind>;
  /** Service name → the cloud provider's error: a Warning SyncLoadBalancerFailed event, and no address. */
  loadBalancerError?: Record<string, string>;
  /** Admission webhooks that refuse writes of a kind (create/update), as the API server reports them (400). */
  admissionDeny?: Array<{ kind: string; webhook: string; message: string; namespace?: string }>;
  /** Deployment name → log lines; its container crashes after start (CrashLoopBackOff). */
  crashLoop?: Record<string, string[]>;
  /** Tool failures: first matching rule wins. `match` is a substring of the joined argv. */
  tools?: Array<{ tool: 'helm' | 'docker' | 'git' | 'gradle'; match?: string; exitCode?: number; stderr: string }>;
  /**
   * Registry names the simulated Azure subscription does not have (as if never created, or deleted):
   * not created at start-up, and ARM answers for them as for any missing registry (absent from lists, 404).
   */
  registryMissing?: string[];
  /** Registry names whose ACR import is refused (403 AuthorizationFailed), e.g. a student's registry the instructor has no role on. */
  importRefused?: string[];
  /** Duration name → multiplier, to make one thing slow. */
  slow?: Partial<Record<DurationName, number>>;
}

/** How an injected image pull fails: 401 from the registry, the tag/repository missing, or a host DNS does not know. */
export type PullErrorKind = 'unauthorized' | 'notFound' | 'noSuchHost';

/** What the API server's controllers ask the registry: can this image be pulled? */
export interface ImageCatalog {
  /** True when the image can be pulled (public images always can; sandbox registries must hold it). */
  hasImage(ref: string): boolean;
  /** The build args the image was built with (recorded in its config's history), when known. */
  buildArgs?(ref: string): Record<string, string> | undefined;
}

export interface ApiServerHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Persist the cluster state now (also done on close). */
  save(): Promise<void>;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  /** JSON file the cluster state is loaded from and saved to. */
  stateFile: string;
  /** Port to listen on (0 = any). */
  port: number;
  profile: Profile;
  faults: Faults;
  images: ImageCatalog;
  /** The bearer token clients must send (the kubeconfig carries it). */
  token: string;
}

/** A running sandbox, as the composition root sees it. */
export interface SandboxHandle {
  home: string;
  kubeconfig: string;
  context: string;
  /** Environment for child processes: PATH with the tool shims first, plus LIFESUB_SANDBOX_* variables. */
  toolEnv: Record<string, string>;
  /** Fake Azure Resource Manager endpoint for the real ACR adapter. */
  arm: { endpoint: string; subscriptionId: string; token: string };
  /**
   * Base URL of the sandbox's Helm chart repositories; upstream repository `<key>` of
   * CHART_REPOSITORIES (src/sandbox/charts) is served at `<charts>/<key>`.
   */
  charts: string;
  profile: Profile;
  /** True when this process started the servers (false when attached to `lifesub sandbox serve` or the background sandbox). */
  owned: boolean;
  /** When attached: the served sandbox stays up after this command (its URLs keep answering). */
  served?: { mode: 'background' | 'foreground'; pid: number };
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** $LIFESUB_HOME (default ~/.lifesub); sandbox files live in <home>/sandbox. */
  home: string;
  /** Latency profile; undefined: the running sandbox's when attaching, else `fast`. */
  profile?: string;
  /** Registry names that exist in the simulated subscription (e.g. ["democr"]). */
  registries: string[];
}
