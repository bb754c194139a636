// Drivers of the failure table's world rows: each breaks the world one way, in the sandbox's in-process
// API server (its own wordings, src/sandbox/apiserver) or in a fake tool that fails with the real tool's
// words, runs the real step or adapter code against it and returns the error the step would fail with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeClient } from '../../src/adapters/kube.js';
import { GradleWrapper } from '../../src/adapters/gradle.js';
import type { CommandRunner, Kube, KubeObject, RunResult } from '../../src/adapters/types.js';
import { acquireRunLock } from '../../src/lock/run-lock.js';
import { ToolError } from '../../src/core/errors.js';
import type { Settings } from '../../src/config/schema.js';
import type { Facts, StepContext, StepDefinition } from '../../src/graph/step.js';
import type { Faults } from '../../src/sandbox/contract.js';
import { diagnose } from '../../src/steps/diagnose.js';
import { waitForLoadBalancer } from '../../src/steps/lb-address.js';
import { notReady } from '../../src/steps/readiness.js';
import { applyServiceStep, foreignCheckStep, ingressStep, jarsStep, namespaceStep, pushStep, removeNamespaceStep, reposStep } from '../../src/steps/index.js';
import { createFakes, type Fakes } from '../fakes/adapters.js';
import { testSettings } from '../fakes/context.js';
import { startTestCluster, testProfile, waitFor, type TestCluster } from '../unit/sandbox/apiserver/harness.js';

/** A failed step as the runner sees it: its name and what it threw. */
export interface WorldFailure {
  step: string;
  error: unknown;
}

export type Driver = (w: World) => Promise<WorldFailure>;

const LB_ERROR =
  'Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: {"error":{"code":"PublicIPCountLimitReached","message":"Cannot create more than 10 public IP addresses for this subscription in this region."}}';

/** Every fault the world rows need, in one simulated cluster (each row uses its own names). */
export const WORLD_FAULTS: Faults = {
  imagePullError: { 'acr-denied': 'unauthorized', 'public-gone': 'notFound', 'host-typo': 'noSuchHost' },
  loadBalancerError: { 'lb-quota': LB_ERROR },
  admissionDeny: [
    {
      kind: 'Ingress',
      namespace: 'hooked-lifesub-ns',
      webhook: 'validate.nginx.ingress.kubernetes.io',
      message: 'host "lifesub.example.com" and path "/" is already defined in ingress bob-lifesub-ns/lifesub-web',
    },
  ],
  api: { rate: 1, kind: '403', paths: '/namespaces/rbac-lifesub-ns/' },
};

/** The shared world: one sandbox API server and a real KubeClient talking to it. */
export class World {
  cluster!: TestCluster;
  kube!: Kube;

  async start(dir: string): Promise<void> {
    this.dir = dir;
    this.cluster = await startTestCluster({ faults: WORLD_FAULTS, profile: testProfile({ namespaceTerminate: 10 }) });
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, this.cluster.kc.exportConfig());
    this.kube = new KubeClient({ kubeconfig: file, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } });
  }

  async close(): Promise<void> {
    await this.cluster?.close();
  }

  /** A scratch directory for workspaces. */
  dir = '';

  settings(id: string, timeouts: Partial<Settings['config']['timeouts']> = {}): Settings {
    const base = testSettings({ id, workspace: join(this.dir, `ws-${id}`) });
    return { ...base, config: { ...base.config, timeouts: { ...base.config.timeouts, ...timeouts } } };
  }

  context(settings: Settings, facts: Facts = {}, fakes: Fakes = createFakes()): StepContext {
    return {
      settings,
      adapters: { ...fakes, kube: this.kube },
      facts,
      signal: new AbortController().signal,
      log: () => undefined,
      output: () => undefined,
      status: () => undefined,
    };
  }

  async namespace(name: string, id: string, extra: Partial<KubeObject['metadata']> = {}): Promise<void> {
    const labels = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': id };
    await this.kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels, ...extra } }, signal());
  }
}

const signal = (): AbortSignal => new AbortController().signal;

async function failureOf(step: string, run: () => Promise<unknown>): Promise<WorldFailure> {
  try {
    await run();
  } catch (error) {
    return { step, error };
  }
  throw new Error(`step ${step} did not fail`);
}

async function runStep(step: Pick<StepDefinition, 'name' | 'run'>, ctx: StepContext): Promise<WorldFailure> {
  return failureOf(step.name, () => step.run(ctx));
}

/** A Deployment whose image cannot be pulled, diagnosed as the readiness step does once the kubelet backs off. */
async function pullFailure(w: World, id: string, name: string, image: string): Promise<WorldFailure> {
  const settings = w.settings(id);
  const ns = settings.namespace;
  await w.namespace(ns, id);
  const selector = { app: name };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: selector }, template: { metadata: { labels: selector }, spec: { containers: [{ name, image }] } } },
  };
  await w.kube.apply(deployment, signal());
  const workload = { apiVersion: 'apps/v1', kind: 'Deployment' as const, name, namespace: ns };
  const d = await waitFor(
    async () => {
      const found = await diagnose(w.kube, workload, selector, { signal: signal(), final: false, secrets: [], loginServer: settings.loginServer });
      return found?.problem.reason === 'ImagePullBackOff' ? found : undefined;
    },
    5_000,
    `ImagePullBackOff of ${name}`,
  );
  const final = await diagnose(w.kube, workload, selector, { signal: signal(), final: true, secrets: [], loginServer: settings.loginServer });
  return { step: 'readiness', error: notReady(`deployment ${name}`, final ?? d) };
}

/** `bare`: what the exec adapter throws for a tool that exited 1 with `stderr` (src/adapters/exec.ts). */
function toolExit(command: string, stderr: string): ToolError {
  return new ToolError(`${command} exited with code 1`, undefined, { details: stderr });
}

const HELM_OWNERSHIP =
  'Error: Unable to continue with install: ClusterRole "ingress-nginx" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal "ingress-nginx": current value is "ingress-nginx"; annotation validation error: key "meta.helm.sh/release-namespace" must equal "ingress-basic": current value is "team-ingress"';

const service = (settings: Settings, name: string) => settings.config.services.find((s) => s.name === name)!;

export const DRIVERS: Record<string, Driver> = {
  'image-401-acr': (w) => pullFailure(w, 'pullauth', 'acr-denied', 'pullauthcr.azurecr.io/lifesub/member:1.0.0'),
  'image-not-pushed': (w) => pullFailure(w, 'pullmiss', 'member', 'pullmisscr.azurecr.io/lifesub/member:1.0.0'),
  'image-public-gone': (w) => pullFailure(w, 'pullgone', 'public-gone', 'docker.io/bitnami/postgresql:14.3.2-debian-11-r0'),
  'image-no-such-host': (w) => pullFailure(w, 'pullhost', 'host-typo', 'pullhostrc.azurecr.io/lifesub/member:1.0.0'),

  'namespace-stuck-up': async (w) => {
    const settings = w.settings('stuckup');
    await stuckNamespace(w, settings);
    return runStep(namespaceStep, w.context(settings));
  },
  'namespace-stuck-down': async (w) => {
    const settings = w.settings('stuckdown', { namespaceDelete: '300ms' });
    await w.namespace(settings.namespace, settings.id);
    await w.kube.apply(heldConfigMap(settings.namespace), signal());
    const step = removeNamespaceStep({ keepData: false, services: [] });
    return runStep(step, w.context(settings, { namespacePresent: true }));
  },
  'lb-sync-failed': async (w) => {
    const settings = w.settings('lbquota', { loadBalancer: '300ms' });
    await w.namespace(settings.namespace, settings.id);
    await w.kube.apply(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'lb-quota', namespace: settings.namespace },
        spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] },
      },
      signal(),
    );
    return failureOf('web-address', () => waitForLoadBalancer(w.context(settings), settings.namespace, 'lb-quota'));
  },
  'admission-denied': async (w) => {
    const settings = w.settings('hooked');
    await w.namespace(settings.namespace, settings.id);
    const ingress: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'lifesub', namespace: settings.namespace },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'lifesub.example.com', http: { paths: [] } }] },
    };
    return failureOf('apply', () => w.kube.apply(ingress, signal()));
  },
  'quota-refused': async (w) => {
    // The tester's case: the namespace budget has no room for the database pod, so the StatefulSet
    // controller records FailedCreate and no pod exists; the database wait names the refusal.
    const settings = w.settings('quota');
    const ns = settings.namespace;
    await w.namespace(ns, settings.id);
    await w.kube.apply(
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'lifesub-budget', namespace: ns }, spec: { hard: { pods: '0' } } },
      signal(),
    );
    const labels = { 'app.kubernetes.io/instance': 'member', 'app.kubernetes.io/name': 'postgresql' };
    await w.kube.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'member-postgresql', namespace: ns },
        spec: {
          serviceName: 'member-postgresql-hl',
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: 'postgresql', image: 'docker.io/bitnami/postgresql:14.3.2-debian-11-r0' }] } },
        },
      },
      signal(),
    );
    const step = applyServiceStep(service(settings, 'member'), { firstCheckMs: 0, checkEveryMs: 10, refusalGraceMs: 50 });
    return runStep(step, w.context(settings));
  },
  'rbac-forbidden': async (w) => {
    const settings = w.settings('rbac');
    await w.namespace(settings.namespace, settings.id);
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: settings.namespace } };
    return failureOf('apply', () => w.kube.apply(cm, signal()));
  },
  'helm-ownership': async (w) => {
    // Fakes throughout: the step asks for IngressClass nginx (none) and creates its namespace first.
    const settings = w.settings('owner');
    const fakes = createFakes();
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script
      .expect('upgradeInstall')
      .throws(toolExit('helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx --version 4.12.1 -n ingress-basic', HELM_OWNERSHIP));
    return runStep(ingressStep, { ...w.context(settings, {}, fakes), adapters: fakes });
  },
  'disk-full-git': async (w) => {
    const settings = w.settings('diskgit');
    const fakes = createFakes();
    fakes.git.script
      .expect('clone')
      .throws(toolExit('git clone', "Cloning into 'lifesub'...\nfatal: cannot create directory at 'member/src': No space left on device"))
      .always();
    return runStep(reposStep, { ...w.context(settings, {}, fakes) });
  },
  'disk-full-gradle': async (w) => {
    const settings = w.settings('diskgradle');
    const fakes = createFakes();
    fakes.gradle.script
      .expect('build')
      .throws(
        toolExit(
          './gradlew :member:build',
          "FAILURE: Build failed with an exception.\n* What went wrong:\nExecution failed for task ':member:compileJava'.\n> java.io.IOException: No space left on device",
        ),
      );
    return runStep(jarsStep, w.context(settings, { repoDirs: { lifesub: '/nonexistent/lifesub', 'lifesub-web': '/nonexistent/lifesub-web' } }, fakes));
  },
  'disk-full-docker': async (w) => {
    const settings = w.settings('diskdocker');
    const fakes = createFakes();
    fakes.docker.script
      .expect('push')
      .throws(
        toolExit(
          'docker push',
          'The push refers to repository [diskdockercr.azurecr.io/lifesub/member]\nwrite /var/lib/docker/tmp/GetImageBlob123: no space left on device',
        ),
      );
    const facts = { images: { member: 'diskdockercr.azurecr.io/lifesub/member:1.0.0' } };
    return runStep(pushStep(service(settings, 'member')), w.context(settings, facts, fakes));
  },
  'lock-held': async (w) => {
    // Another machine's run of this ID renewed its Lease a moment ago.
    const at = new Date().toISOString().replace('Z', '000Z');
    await w.kube.apply(
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'lifesub-lockheld', namespace: 'default', annotations: { 'lifesub.io/command': 'up' } },
        spec: { holderIdentity: 'lab-vm-7/4242/abc123', leaseDurationSeconds: 30, acquireTime: at, renewTime: at },
      },
      signal(),
    );
    return failureOf('lock', () => acquireRunLock(w.kube, { id: 'lockheld', command: 'down', wait: false, signal: signal(), log: () => undefined }));
  },
  'down-foreign-objects': async (w) => {
    const settings = w.settings('foreign');
    await w.namespace(settings.namespace, settings.id);
    await w.kube.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'student-notes', namespace: settings.namespace }, data: { todo: 'x' } },
      signal(),
    );
    const step = foreignCheckStep({ force: false, keepData: false, releases: [] });
    return runStep(step, w.context(settings, { namespacePresent: true }));
  },
  'strict-branch': async (w) => {
    const settings = { ...w.settings('strict'), strict: true };
    for (const d of ['lifesub', 'lifesub-web']) mkdirSync(join(settings.workspace, d, '.git'), { recursive: true });
    const fakes = createFakes();
    fakes.git.script.expect('isRepo').returns(true).times(2);
    fakes.git.script.expect('currentBranch', [join(settings.workspace, 'lifesub')]).returns('my-experiment');
    fakes.git.script.expect('currentBranch', [join(settings.workspace, 'lifesub-web')]).returns('main');
    fakes.git.script.expect('uncommittedChanges').returns([]).times(2);
    return runStep(reposStep, w.context(settings, {}, fakes));
  },
  'gradlew-crlf': async (w) => {
    const repo = join(w.dir, 'crlf-repo');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'gradlew'), '#!/bin/sh\r\nexec java -jar gradle/wrapper/gradle-wrapper.jar "$@"\r\n', { mode: 0o755 });
    const gradle = new GradleWrapper(javaSays('openjdk version "21.0.5" 2024-10-15'));
    return failureOf('jars', () => gradle.build(repo, [':member:build'], { signal: signal() }));
  },
  'jdk-17': async (w) => {
    const repo = join(w.dir, 'jdk-repo');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'gradlew'), '#!/bin/sh\nexec java "$@"\n', { mode: 0o755 });
    writeFileSync(join(repo, 'build.gradle'), "java {\n  sourceCompatibility = '21'\n}\n");
    const gradle = new GradleWrapper(javaSays('openjdk version "17.0.9" 2023-10-17\nOpenJDK Runtime Environment (build 17.0.9+9-Ubuntu-122.04)'));
    return failureOf('jars', () => gradle.build(repo, [':member:build'], { signal: signal() }));
  },
};

/** A runner where `java -version` prints `banner` on stderr (as the JDK does) and nothing else may run. */
function javaSays(banner: string): CommandRunner {
  return {
    run: async (file, args) => {
      if (file === 'java' && args[0] === '-version') return { stdout: '', stderr: banner, exitCode: 0 } as RunResult;
      throw new Error(`unexpected command ${file} ${args.join(' ')}`);
    },
  };
}

function heldConfigMap(namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace, finalizers: ['example.com/backup-guard'] } };
}

/** A lifesub namespace deleted while an object in it keeps a finalizer nobody removes. */
async function stuckNamespace(w: World, settings: Settings): Promise<void> {
  await w.namespace(settings.namespace, settings.id);
  await w.kube.apply(heldConfigMap(settings.namespace), signal());
  await w.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: settings.namespace }, signal());
  await waitFor(
    async () => {
      const ns = await w.kube.get({ apiVersion: 'v1', kind: 'Namespace', name: settings.namespace }, signal());
      const conditions = (ns?.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? [];
      return conditions.some((c) => c.type === 'NamespaceFinalizersRemaining' && c.status === 'True');
    },
    5_000,
    'NamespaceFinalizersRemaining',
  );
}
