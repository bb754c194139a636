// The image pull secret for the student's registry, from the credentials registry-login obtained.
import { need, type StepDefinition } from '../graph/step.js';
import { PULL_SECRET, renderPullSecret } from '../render/index.js';
import { applyAll } from './manifests.js';

export const pullSecretStep: StepDefinition = {
  name: 'pull-secret',
  title: 'Create the image pull secret',
  reads: ['registryLogin', 'registryPassword'],
  plan: (settings) => [`apply Secret ${PULL_SECRET} (dockerconfigjson for ${settings.loginServer}) in ${settings.namespace}`],
  async run(ctx) {
    const login = need(ctx.facts.registryLogin, 'registryLogin');
    const password = need(ctx.facts.registryPassword, 'registryPassword');
    const secret = renderPullSecret(ctx.settings, { loginServer: login.loginServer, username: login.username, password });
    const { applied } = await applyAll(ctx, [secret]);
    if (applied === 0) return { skipped: `Secret ${secret.metadata.name} already as desired` };
    if (login.method === 'token') {
      // An ACR refresh token lives about 3 hours; after that a restarted pod could no longer pull.
      const warning = `the pull secret holds an Azure AD refresh token that expires in about 3 hours; for pulls after that attach the registry to the cluster (az aks update -n <cluster> -g <resource-group> --attach-acr ${ctx.settings.registryName}) or enable its admin user`;
      ctx.log(`warning: ${warning}`);
      return { message: `Secret ${secret.metadata.name} for ${login.loginServer} (short-lived token — attach the registry to AKS for lasting pulls)` };
    }
    return { message: `Secret ${secret.metadata.name} for ${login.loginServer}` };
  },
};
