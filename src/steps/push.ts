// Pushes one built image to the registry.
import type { ServiceConfig } from '../config/schema.js';
import { need, type Step } from '../graph/step.js';
import { imageRef } from '../config/schema.js';
import { rethrowWithHint } from '../core/errors.js';

export function pushStep(service: ServiceConfig): Step {
  return {
    name: `push:${service.name}`,
    title: `Push image ${service.name}`,
    needs: [`image:${service.name}`, 'registry-login'],
    pool: 'pushes',
    timeout: 'push',
    plan: (settings) => [`docker push ${imageRef(settings, service.name)}`],
    async run(ctx) {
      const ref = need(ctx.facts.images?.[service.name], `image of ${service.name}`);
      const server = ctx.facts.registryLogin?.loginServer ?? ctx.settings.loginServer;
      const { digest } = await ctx.adapters.docker
        .push(ref, { signal: ctx.signal, onLine: ctx.log })
        .catch(rethrowWithHint(`check \`docker login\` to ${server} worked and the registry exists`));
      return { message: digest ? `${ref}@${digest}` : ref };
    },
  };
}
