// Gets the credentials of the student's registry (admin password or ACR refresh token). The password
// stays in Facts, in memory, for the registry lookups, `docker login` and the pull secret; it never
// appears in a line or message. `docker login` itself is the docker-login step, run only when a push needs it.
import { rethrowWithHint } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';

export const registryLoginStep: StepDefinition = {
  name: 'registry-login',
  title: 'Get the registry credentials',
  writes: ['registryLogin', 'registryPassword'],
  readOnly: true,
  timeout: 'push',
  plan: (settings) => [`get credentials for registry ${settings.registryName}`],
  async run(ctx) {
    const { registryName, loginServer } = ctx.settings;
    const cred = await ctx.adapters.registry
      .credentials(registryName, ctx.signal)
      .catch(rethrowWithHint(`check that registry ${registryName} exists and your Azure login can read it (\`az acr show -n ${registryName}\`)`));
    if (cred.loginServer.toLowerCase() !== loginServer.toLowerCase()) {
      ctx.log(`warning: registry ${registryName} reports login server ${cred.loginServer}, images are tagged for ${loginServer}`);
    }
    ctx.facts.registryLogin = { loginServer: cred.loginServer, username: cred.username, method: cred.method };
    ctx.facts.registryPassword = cred.password;
    const how = cred.method === 'admin' ? `as ${cred.username} (admin user)` : 'with an Azure AD token';
    return { message: `${cred.loginServer} ${how}` };
  },
};
