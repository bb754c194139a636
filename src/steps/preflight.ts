// First contact with the cluster: the kubeconfig, the context and the API server must all answer
// before anything else touches the world (used by both `up` and `down`).
import type { StepDefinition } from '../graph/step.js';

/**
 * How long a credential plugin may wait for the student (a device-code sign-in). Azure AD device codes
 * expire after 15 minutes; 10 is plenty for a student at the keyboard and ends a forgotten run.
 */
export const EXEC_PLUGIN_TIMEOUT_MS = 10 * 60_000;

export const preflightStep: StepDefinition = {
  name: 'preflight',
  readOnly: true,
  title: 'Check the Kubernetes connection',
  plan: (settings) => [
    `check kubeconfig${settings.kubeconfig ? ` ${settings.kubeconfig}` : ''}, context ${settings.context ?? '(current)'} and that the API server answers`,
  ],
  async run(ctx) {
    const { kube } = ctx.adapters;
    // An exec credential plugin (kubelogin) may show a device code and wait for the student to sign in.
    const plugin = kube.authenticate ? await kube.authenticate({ signal: ctx.signal, timeoutMs: EXEC_PLUGIN_TIMEOUT_MS }) : undefined;
    const { context, server, version } = await kube.ping(ctx.signal);
    const via = plugin ? ` (signed in through ${plugin})` : '';
    return { message: `context ${context}, server ${server}, Kubernetes v${version.replace(/^v/, '')}${via}` };
  },
};
