// Pushes one built image to the registry.
import type { ServiceConfig } from '../config/schema.js';
import { need, type Step } from '../graph/step.js';
import { imageRef } from '../config/schema.js';

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
      const { digest } = await ctx.adapters.docker.push(ref, { signal: ctx.signal, onLine: ctx.log });
      return { message: digest ? `${ref}@${digest}` : ref };
    },
  };
}
