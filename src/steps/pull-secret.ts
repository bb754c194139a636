// The image pull secret for the student's registry, from the credentials registry-login obtained.
import { need, type Step } from '../graph/step.js';
import { PULL_SECRET, renderPullSecret } from '../render/index.js';

export const pullSecretStep: Step = {
  name: 'pull-secret',
  title: 'Create the image pull secret',
  needs: ['namespace', 'registry-login'],
  plan: (settings) => [`apply Secret ${PULL_SECRET} (dockerconfigjson for ${settings.loginServer}) in ${settings.namespace}`],
  async run(ctx) {
    const login = need(ctx.facts.registryLogin, 'registryLogin');
    const password = need(ctx.facts.registryPassword, 'registryPassword');
    const secret = renderPullSecret(ctx.settings, { loginServer: login.loginServer, username: login.username, password });
    await ctx.adapters.kube.apply(secret, ctx.signal);
    return { message: `Secret ${secret.metadata.name} for ${login.loginServer}` };
  },
};
