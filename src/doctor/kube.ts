// The Kubernetes connection: kubeconfig and context, the sign-in of an exec credential plugin
// (kubelogin's device code, which waits for the student), then one request the API server must answer.
import { AbortedError, isAbort, ToolError, UserError } from '../core/errors.js';
import type { Check, CheckOutcome, Problem } from './check.js';
import { problemOf } from './probe.js';

/**
 * How long a credential plugin may wait for the student (a device-code sign-in). Azure AD device codes
 * expire after 15 minutes; 10 is plenty for a student at the keyboard and ends a forgotten run.
 */
export const EXEC_PLUGIN_TIMEOUT_MS = 10 * 60_000;

/** The API server's own answer, once signed in: one round trip. */
export const PING_TIMEOUT_MS = 15_000;

const WHY = 'every later step reads or writes the cluster';

export const kubeCheck: Check = {
  name: 'kube',
  title: 'Kubernetes context and API server',
  why: WHY,
  // The sign-in may wait for a person; the ping after it has its own short limit.
  timeoutMs: EXEC_PLUGIN_TIMEOUT_MS + PING_TIMEOUT_MS,
  async run({ adapters, settings, signal }): Promise<CheckOutcome> {
    const { kube } = adapters;
    try {
      const plugin = kube.authenticate ? await kube.authenticate({ signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS }) : undefined;
      const ping = AbortSignal.any([signal, AbortSignal.timeout(PING_TIMEOUT_MS)]);
      const { context, server, version } = await kube.ping(ping).catch((err: unknown) => {
        if (!signal.aborted && ping.aborted) {
          throw new ToolError(
            `the Kubernetes API (context ${settings.context ?? '(current)'}) did not answer within ${PING_TIMEOUT_MS / 1000}s`,
            'is the cluster running and reachable (VPN, firewall)? try `kubectl cluster-info`',
          );
        }
        throw err;
      });
      const via = plugin ? ` (signed in through ${plugin})` : '';
      return { message: `context ${context}, server ${server}, Kubernetes v${version.replace(/^v/, '')}${via}` };
    } catch (err) {
      if (isAbort(err, signal) || err instanceof AbortedError) throw err;
      if (!(err instanceof ToolError || err instanceof UserError)) throw err;
      return { problems: [kubeProblem(err, settings.kubeconfig !== undefined)] };
    }
  },
};

/**
 * A kubeconfig or context that is wrong is the user's configuration (--kubeconfig, --context, the
 * file); no kubeconfig at all where none was named means no cluster credentials on this machine yet
 * (the world: `az aks get-credentials`), like an API server that does not answer or refuses the user.
 */
function kubeProblem(err: ToolError | UserError, kubeconfigGiven: boolean): Problem {
  const noCredentials = err instanceof UserError && !kubeconfigGiven && /^kubeconfig not found/.test(err.message);
  const origin = err instanceof UserError && !noCredentials ? 'input' : 'world';
  return problemOf(err, { why: WHY, fix: 'check --kubeconfig and --context, then `kubectl cluster-info`', origin });
}
