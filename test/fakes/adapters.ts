// Fake adapters for step tests. Helm, Docker, Gradle, Git, Registry and Http are scripted (see
// script.ts): `fakes.helm.script.expect('status', ['member', 'alice-lifesub-ns']).returns(undefined)`.
// Kube is a small in-memory cluster (fake-kube.ts). Every fake records its calls, insists on an
// AbortSignal, and fails on anything the test did not expect; `fakes.verify()` checks both at the end.
import type {
  Adapters,
  CallOptions,
  Docker,
  DockerBuild,
  Git,
  GitChange,
  Gradle,
  Helm,
  HelmInstall,
  HelmRelease,
  Http,
  HttpRequest,
  HttpResponse,
  Registry,
  RegistryCredential,
} from '../../src/adapters/types.js';
import { FakeKube } from './fake-kube.js';
import { Script } from './script.js';

export { FakeKube } from './fake-kube.js';
export { Script, partial, UnexpectedCall, type ArgsMatcher, type Call } from './script.js';

const opts = (o: CallOptions | { signal: AbortSignal }): Record<string, unknown> => ({ ...o });

export class FakeHelm implements Helm {
  readonly script = new Script('helm');
  async repoAdd(name: string, url: string, o: CallOptions): Promise<void> {
    await this.script.call('repoAdd', [name, url], opts(o));
  }
  async repoUpdate(names: string[], o: CallOptions): Promise<void> {
    await this.script.call('repoUpdate', [names], opts(o));
  }
  async chartVersionKnown(chart: string, version: string, o: CallOptions): Promise<boolean> {
    return (await this.script.call('chartVersionKnown', [chart, version], opts(o))) as boolean;
  }
  async upgradeInstall(install: HelmInstall, o: CallOptions): Promise<void> {
    await this.script.call('upgradeInstall', [install], opts(o));
  }
  async uninstall(release: string, namespace: string, o: CallOptions): Promise<boolean> {
    return (await this.script.call('uninstall', [release, namespace], opts(o))) as boolean;
  }
  async status(release: string, namespace: string, o: CallOptions): Promise<HelmRelease | undefined> {
    return (await this.script.call('status', [release, namespace], opts(o))) as HelmRelease | undefined;
  }
  async list(namespace: string | undefined, o: CallOptions): Promise<HelmRelease[]> {
    return (await this.script.call('list', [namespace], opts(o))) as HelmRelease[];
  }
}

export class FakeDocker implements Docker {
  readonly script = new Script('docker');
  async build(build: DockerBuild, o: CallOptions): Promise<{ imageId: string }> {
    return (await this.script.call('build', [build], opts(o))) as { imageId: string };
  }
  async push(ref: string, o: CallOptions): Promise<{ digest?: string }> {
    return (await this.script.call('push', [ref], opts(o))) as { digest?: string };
  }
  async login(server: string, username: string, password: string, o: CallOptions): Promise<void> {
    await this.script.call('login', [server, username, password], opts(o));
  }
}

export class FakeGradle implements Gradle {
  readonly script = new Script('gradle');
  async build(repoDir: string, tasks: string[], o: CallOptions): Promise<void> {
    await this.script.call('build', [repoDir, tasks], opts(o));
  }
}

export class FakeGit implements Git {
  readonly script = new Script('git');
  async isRepo(dir: string, o: CallOptions): Promise<boolean> {
    return (await this.script.call('isRepo', [dir], opts(o))) as boolean;
  }
  async clone(url: string, branch: string, dir: string, o: CallOptions): Promise<void> {
    await this.script.call('clone', [url, branch, dir], opts(o));
  }
  async currentBranch(dir: string, o: CallOptions): Promise<string | undefined> {
    return (await this.script.call('currentBranch', [dir], opts(o))) as string | undefined;
  }
  async headCommit(dir: string, o: CallOptions): Promise<string> {
    return (await this.script.call('headCommit', [dir], opts(o))) as string;
  }
  async uncommittedChanges(dir: string, o: CallOptions): Promise<GitChange[]> {
    return (await this.script.call('uncommittedChanges', [dir], opts(o))) as GitChange[];
  }
}

export class FakeRegistry implements Registry {
  readonly script = new Script('registry');
  async credentials(registryName: string, signal: AbortSignal): Promise<RegistryCredential> {
    return (await this.script.call('credentials', [registryName], { signal })) as RegistryCredential;
  }
  async manifestDigest(credential: RegistryCredential, repository: string, tag: string, signal: AbortSignal): Promise<string | undefined> {
    return (await this.script.call('manifestDigest', [credential.loginServer, repository, tag], { signal })) as string | undefined;
  }
}

export class FakeHttp implements Http {
  readonly script = new Script('http');
  async get(url: string, o: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse> {
    return (await this.script.call('get', [url], opts(o))) as HttpResponse;
  }
  async request(req: HttpRequest, o: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse> {
    return (await this.script.call('request', [req], opts(o))) as HttpResponse;
  }
}

export interface Fakes extends Adapters {
  kube: FakeKube;
  helm: FakeHelm;
  docker: FakeDocker;
  gradle: FakeGradle;
  git: FakeGit;
  registry: FakeRegistry;
  http: FakeHttp;
  /** Throws if any fake saw an unexpected call or a scripted call did not happen. */
  verify(): void;
}

export function createFakes(): Fakes {
  const fakes = {
    kube: new FakeKube(),
    helm: new FakeHelm(),
    docker: new FakeDocker(),
    gradle: new FakeGradle(),
    git: new FakeGit(),
    registry: new FakeRegistry(),
    http: new FakeHttp(),
  };
  return {
    ...fakes,
    verify() {
      const scripted = [fakes.helm, fakes.docker, fakes.gradle, fakes.git, fakes.registry, fakes.http].map((f) => f.script);
      const problems = [
        ...fakes.kube.unexpected,
        ...scripted.flatMap((s) => s.unexpected),
        ...scripted.flatMap((s) => s.pending().map((p) => `expected but not called: ${p}`)),
      ];
      if (problems.length > 0) throw new Error(`fake adapters:\n${problems.join('\n')}`);
    },
  };
}
