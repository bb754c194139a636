// What a run has changed in the world, recorded where the change happens: at the adapter boundary.
// Exit code 2 promises "nothing was changed"; only this log can keep that promise honest (a step that
// reports `done` may have changed nothing, and a step that failed may already have installed half a
// release). The composition root wraps every adapter with `trackWrites` around one shared WriteLog.
import type { Adapters, Docker, Git, Helm, HelmInstall, Kube, KubeObject, ObjectRef } from './types.js';

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
 * Each write is recorded when it is attempted if a failure can leave something behind (a helm install,
 * a push, a clone), and when it succeeded otherwise (an API write that failed changed nothing; a
 * create that found the object, or a delete that found nothing, changed nothing either).
 */
function trackKube(kube: Kube, log: WriteLog): Kube {
  return {
    ping: (signal) => kube.ping(signal),
    apply: async (obj, signal) => {
      const applied = await kube.apply(obj, signal);
      log.record(`applied ${what(obj)}`);
      return applied;
    },
    create: async (obj, signal) => {
      const created = await kube.create(obj, signal);
      if (created) log.record(`created ${what(obj)}`);
      return created;
    },
    get: (ref, signal) => kube.get(ref, signal),
    list: (apiVersion, kind, namespace, options, signal) => kube.list(apiVersion, kind, namespace, options, signal),
    delete: async (ref, signal) => {
      const deleted = await kube.delete(ref, signal);
      if (deleted) log.record(`deleted ${what(ref)}`);
      return deleted;
    },
    waitFor: (ref, check, options) => kube.waitFor(ref, check, options),
    podLogs: (namespace, pod, container, tailLines, signal) => kube.podLogs(namespace, pod, container, tailLines, signal),
    ...(kube.authenticate ? { authenticate: (options: { signal: AbortSignal; timeoutMs: number }) => kube.authenticate!(options) } : {}),
  };
}

function trackHelm(helm: Helm, log: WriteLog): Helm {
  return {
    // The local repository list is the student's machine, not the lab; re-adding the same entry is a no-op.
    repoAdd: (name, url, options) => helm.repoAdd(name, url, options),
    repoUpdate: (names, options) => helm.repoUpdate(names, options),
    upgradeInstall: (install: HelmInstall, options) => {
      log.record(`installed helm release ${install.namespace}/${install.release}`);
      return helm.upgradeInstall(install, options);
    },
    uninstall: (release, namespace, options) => {
      log.record(`uninstalled helm release ${namespace}/${release}`);
      return helm.uninstall(release, namespace, options);
    },
    status: (release, namespace, options) => helm.status(release, namespace, options),
    list: (namespace, options) => helm.list(namespace, options),
    chartVersionKnown: (chart, version, options) => helm.chartVersionKnown(chart, version, options),
  };
}

function trackDocker(docker: Docker, log: WriteLog): Docker {
  return {
    build: (build, options) => docker.build(build, options),
    push: (ref, options) => {
      log.record(`pushed ${ref}`);
      return docker.push(ref, options);
    },
    login: (server, username, password, options) => docker.login(server, username, password, options),
  };
}

function trackGit(git: Git, log: WriteLog): Git {
  return {
    isRepo: (dir, options) => git.isRepo(dir, options),
    clone: (url, branch, dir, options) => {
      log.record(`cloned ${withoutUserInfo(url)} into ${dir}`);
      return git.clone(url, branch, dir, options);
    },
    currentBranch: (dir, options) => git.currentBranch(dir, options),
    headCommit: (dir, options) => git.headCommit(dir, options),
    uncommittedChanges: (dir, options) => git.uncommittedChanges(dir, options),
  };
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
  };
}
