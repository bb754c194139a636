// Loading the kubeconfig and choosing the context, with errors that tell a student what to run.
// client-node's own behaviour is unhelpful here: a missing file silently becomes localhost:8080 and
// an unknown context surfaces later as "No active cluster!".
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../../core/errors.js';
import { execPluginOf, type ExecPlugin } from './exec-plugin.js';

export interface KubeTarget {
  kubeconfig?: string;
  context?: string;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  context: string;
  server: string;
  /** Where it was read from, for messages. */
  source: string;
  /** The context's user authenticates through this exec credential plugin (kubelogin on AAD clusters). */
  execPlugin?: ExecPlugin;
}

/** The same configuration with the current user's credentials replaced by a bearer token (from an exec plugin). */
export function withBearerToken(kc: KubeConfig, token: string): KubeConfig {
  const userName = kc.getCurrentUser()?.name;
  const next = new KubeConfig();
  next.loadFromOptions({
    clusters: kc.clusters,
    contexts: kc.contexts,
    currentContext: kc.currentContext,
    users: kc.users.map((u) => (u.name === userName ? { name: u.name, token } : u)),
  });
  return next;
}

const GET_CREDENTIALS = 'run `az aks get-credentials -g <resource-group> -n <cluster>`';

export function loadKubeConfig(target: KubeTarget, env: NodeJS.ProcessEnv = process.env): LoadedKubeConfig {
  const files = target.kubeconfig ? [target.kubeconfig] : defaultFiles(env);
  const source = files.join(delimiter);
  const missing = files.filter((f) => !existsSync(f));
  if (files.length === 0 || missing.length === files.length) {
    throw new UserError(`kubeconfig not found: ${source || '~/.kube/config'}`, `${GET_CREDENTIALS}, or pass --kubeconfig`);
  }

  const kc = new KubeConfig();
  try {
    kc.loadFromFile(files.find((f) => existsSync(f))!);
    for (const extra of files.filter((f) => existsSync(f)).slice(1)) {
      const more = new KubeConfig();
      more.loadFromFile(extra);
      kc.mergeConfig(more, true);
    }
  } catch (err) {
    throw new UserError(`kubeconfig ${source} could not be read: ${firstLine(err)}`, `fix the file, or ${GET_CREDENTIALS} --overwrite-existing`);
  }

  const names = kc.getContexts().map((c) => c.name);
  const available = names.length > 0 ? `available contexts: ${names.join(', ')}` : 'the file has no contexts';
  const context = target.context ?? kc.getCurrentContext();
  if (!context) throw new UserError(`kubeconfig ${source} has no current context`, `pass --context (${available})`);
  if (!names.includes(context)) {
    throw new UserError(`context "${context}" not found in ${source}`, names.length > 0 ? `${available}; pick one with --context` : GET_CREDENTIALS);
  }
  kc.setCurrentContext(context);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new UserError(`context "${context}" names a cluster that is not in ${source}`, `${GET_CREDENTIALS} --overwrite-existing`);
  if (cluster.server.startsWith('http://') && !cluster.skipTLSVerify) {
    // client-node refuses plain http unless the cluster entry says so.
    throw new UserError(`cluster ${cluster.name} uses plain http`, 'add `insecure-skip-tls-verify: true` to its cluster entry, or use https');
  }
  const execPlugin = execPluginOf(kc.getCurrentUser());
  return { kc, context, server: cluster.server, source, ...(execPlugin ? { execPlugin } : {}) };
}

function defaultFiles(env: NodeJS.ProcessEnv): string[] {
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((f) => f.length > 0);
  return [join(homedir(), '.kube', 'config')];
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 200);
}
