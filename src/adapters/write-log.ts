// What a run has changed in the world, recorded where the change happens: at the adapter boundary.
// Exit code 2 promises "nothing was changed"; only this log can keep that promise honest (a step that
// reports `done` may have changed nothing, and a step that failed may already have installed half a
// release). The composition root wraps every adapter with `trackWrites` around one shared WriteLog.
import type { Adapters, Docker, Git, Helm, HelmInstall, Kube, KubeObject, ObjectRef, Registry } from './types.js';

/** One change to the world, in words a student recognises ("applied Namespace alice-lifesub-ns"). */
export type WriteEntry = string;

/** The changes a run made, in order. Shared by every adapter of one run. */
export class WriteLog {
  private readonly list: WriteEntry[] = [];

  record(entry: WriteEntry): void {
    this.list.push(entry);
  }

  /** True once anything in the world may have changed. */
  get changed(): boolean {
    return this.list.length > 0;
  }

  get entries(): readonly WriteEntry[] {
    return this.list;
  }

  /** The first few entries as one line, for an error message: "applied Namespace x, installed release y (+2 more)". */
  summary(max = 3): string {
    const shown = this.list.slice(0, max).join(', ');
    return this.list.length > max ? `${shown} (+${this.list.length - max} more)` : shown;
  }
}

const what = (o: KubeObject | ObjectRef): string => {
  const meta = 'metadata' in o ? o.metadata : o;
  return `${o.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
};

/**
 * `target` with the methods named in `writes` replaced; every other method (the reads, and any added
 * later) passes straight through, bound to `target`. A new write method of an adapter must be listed
 * here — a new read needs nothing.
 */
function intercept<T extends object>(target: T, writes: { [K in keyof T]?: T[K] }): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const own = (writes as Record<string | symbol, unknown>)[prop];
      if (own !== undefined) return own;
      const value: unknown = Reflect.get(obj, prop, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(obj) : value;
    },
  });
}

/**
 * Each write is recorded when it is attempted if a failure can leave something behind (a helm install,
 * a push, a clone), and when it succeeded otherwise (an API write that failed changed nothing; a
 * create that found the object, or a delete that found nothing, changed nothing either).
 */
function trackKube(kube: Kube, log: WriteLog): Kube {
  // The run lock (a Lease, src/lock/) is the run's own bookkeeping, released when the run ends: taking
  // it changes nothing of the lab, so an input error found after it still exits 2.
  const record = (entry: string, o: KubeObject | ObjectRef): void => {
    if (o.kind !== 'Lease') log.record(entry);
  };
  return intercept<Kube>(kube, {
    apply: async (obj, signal) => {
      const applied = await kube.apply(obj, signal);
      record(`applied ${what(obj)}`, obj);
      return applied;
    },
    create: async (obj, signal) => {
      const created = await kube.create(obj, signal);
      if (created) record(`created ${what(obj)}`, obj);
      return created;
    },
    replace: async (obj, signal) => {
      const replaced = await kube.replace(obj, signal);
      if (replaced) record(`replaced ${what(obj)}`, obj);
      return replaced;
    },
    delete: async (ref, signal) => {
      const deleted = await kube.delete(ref, signal);
      if (deleted) record(`deleted ${what(ref)}`, ref);
      return deleted;
    },
  });
}

function trackHelm(helm: Helm, log: WriteLog): Helm {
  // repoAdd/repoUpdate are not listed: the local repository list is the student's machine, not the lab.
  return intercept<Helm>(helm, {
    upgradeInstall: (install: HelmInstall, options) => {
      log.record(`installed helm release ${install.namespace}/${install.release}`);
      return helm.upgradeInstall(install, options);
    },
    uninstall: (release, namespace, options) => {
      log.record(`uninstalled helm release ${namespace}/${release}`);
      return helm.uninstall(release, namespace, options);
    },
  });
}

function trackDocker(docker: Docker, log: WriteLog): Docker {
  return intercept<Docker>(docker, {
    push: (ref, options) => {
      log.record(`pushed ${ref}`);
      return docker.push(ref, options);
    },
  });
}

function trackGit(git: Git, log: WriteLog): Git {
  return intercept<Git>(git, {
    clone: (url, branch, dir, options) => {
      log.record(`cloned ${withoutUserInfo(url)} into ${dir}`);
      return git.clone(url, branch, dir, options);
    },
  });
}

function trackRegistry(registry: Registry, log: WriteLog): Registry {
  const importImage = registry.importImage?.bind(registry);
  if (!importImage) return registry;
  return intercept<Registry>(registry, {
    importImage: (request, signal) => {
      log.record(`imported ${request.sourceImage} into registry ${request.targetRegistry}`);
      return importImage(request, signal);
    },
  });
}

/** A clone URL may carry a token (https://user:token@host/…); the log ends up in error messages. */
function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** The same adapters, with every write recorded in `log`. Reads pass straight through. */
export function trackWrites<A extends Adapters>(adapters: A, log: WriteLog): Adapters {
  return {
    ...adapters,
    kube: trackKube(adapters.kube, log),
    helm: trackHelm(adapters.helm, log),
    docker: trackDocker(adapters.docker, log),
    git: trackGit(adapters.git, log),
    registry: trackRegistry(adapters.registry, log),
  };
}
