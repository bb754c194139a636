// Logs docker in to the student's registry. The password (admin password or ACR token) goes to
// `docker login` on stdin and into Facts for the pull secret; it never appears in a line or message.
import { rethrowWithHint } from '../core/errors.js';
import type { Step } from '../graph/step.js';

export const registryLoginStep: Step = {
  name: 'registry-login',
  title: 'Log in to the registry',
  needs: ['preflight'],
  timeout: 'push',
  plan: (settings) => [
    `get credentials for registry ${settings.registryName}`,
    `docker login ${settings.loginServer} --password-stdin`,
  ],
  async run(ctx) {
    const { registry, docker } = ctx.adapters;
    const { registryName, loginServer } = ctx.settings;
    const cred = await registry
      .credentials(registryName, ctx.signal)
      .catch(rethrowWithHint(`check that registry ${registryName} exists and your Azure login can read it (\`az acr show -n ${registryName}\`)`));
    if (cred.loginServer.toLowerCase() !== loginServer.toLowerCase()) {
      ctx.log(`warning: registry ${registryName} reports login server ${cred.loginServer}, images are tagged for ${loginServer}`);
    }
    await docker
      .login(cred.loginServer, cred.username, cred.password, { signal: ctx.signal })
      .catch(rethrowWithHint(`check that docker is running and ${cred.loginServer} is reachable; \`az acr login -n ${registryName}\` tries the same login`));
    ctx.facts.registryLogin = { loginServer: cred.loginServer, username: cred.username, method: cred.method };
    ctx.facts.registryPassword = cred.password;
    const how = cred.method === 'admin' ? `as ${cred.username} (admin user)` : 'with an Azure AD token';
    return { message: `${cred.loginServer} ${how}` };
  },
};
