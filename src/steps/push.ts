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
      if (!digest) return { message: ref };
      // Deploy by digest: a rebuilt image under the same tag changes the Deployment and so rolls it
      // out; an unchanged one leaves it exactly as it was (a re-run stays a no-op for the cluster).
      const pinned = `${ref}@${digest}`;
      ctx.facts.images = { ...ctx.facts.images, [service.name]: pinned };
      return { message: pinned };
    },
  };
}
