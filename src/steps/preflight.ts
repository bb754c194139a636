// First contact with the cluster: the kubeconfig, the context and the API server must all answer
// before anything else touches the world (used by both `up` and `down`).
import type { Step } from '../graph/step.js';

export const preflightStep: Step = {
  name: 'preflight',
  readOnly: true,
  title: 'Check the Kubernetes connection',
  needs: [],
  plan: (settings) => [
    `check kubeconfig${settings.kubeconfig ? ` ${settings.kubeconfig}` : ''}, context ${settings.context ?? '(current)'} and that the API server answers`,
  ],
  async run(ctx) {
    const { context, server, version } = await ctx.adapters.kube.ping(ctx.signal);
    return { message: `context ${context}, server ${server}, Kubernetes v${version.replace(/^v/, '')}` };
  },
};
