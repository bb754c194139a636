// Logs docker in to the student's registry — only when some image has to be pushed. A re-run whose
// images are all in the registry pushes nothing and so needs no login (and never rewrites the
// credential in docker's config). The password goes to `docker login` on stdin only.
import { rethrowWithHint } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { inRegistry } from './image-tags.js';

export const dockerLoginStep: StepDefinition = {
  name: 'docker-login',
  title: 'Log docker in to the registry',
  reads: ['imagesInRegistry', 'registryLogin', 'registryPassword'],
  timeout: 'push',
  plan: (settings) => [`docker login ${settings.loginServer} --password-stdin (only when an image has to be pushed)`],
  async run(ctx) {
    const toPush = ctx.settings.config.services.filter((s) => !inRegistry(ctx.facts, s.name));
    if (toPush.length === 0) return { skipped: 'nothing to push' };
    const login = need(ctx.facts.registryLogin, 'registryLogin');
    const password = need(ctx.facts.registryPassword, 'registryPassword');
    await ctx.adapters.docker
      .login(login.loginServer, login.username, password, { signal: ctx.signal })
      .catch(
        rethrowWithHint(
          `check that docker is running and ${login.loginServer} is reachable; \`az acr login -n ${ctx.settings.registryName}\` tries the same login`,
        ),
      );
    return { message: `${login.loginServer} (to push ${toPush.map((s) => s.name).join(', ')})` };
  },
};
