// Pushes one built image to the registry, unless the registry already has it (image-tags asked).
import type { ServiceConfig } from '../config/schema.js';
import { need, type StepDefinition } from '../graph/step.js';
import { imageRef } from '../config/schema.js';
import { rethrowWithHint } from '../core/errors.js';

export function pushStep(service: ServiceConfig): StepDefinition {
  return {
    name: `push:${service.name}`,
    title: `Push image ${service.name}`,
    reads: [`imagesInRegistry.${service.name}`, `imageTags.${service.name}`, `images.${service.name}`, 'registryLogin'],
    writes: [`images.${service.name}`],
    pool: 'pushes',
    timeout: 'push',
    costS: 20,
    plan: (settings) => [
      `docker push ${imageRef(settings, service.name, `${settings.config.registry.tag}-<input digest>`)} (skipped when the registry has that tag)`,
    ],
    async run(ctx) {
      const present = ctx.facts.imagesInRegistry?.[service.name];
      if (present !== undefined) {
        const pinned = `${need(ctx.facts.imageTags?.[service.name], `content tag of ${service.name}`)}@${present}`;
        ctx.facts.images = { ...ctx.facts.images, [service.name]: pinned };
        return { skipped: `already in the registry (${pinned})` };
      }
      const ref = need(ctx.facts.images?.[service.name], `image of ${service.name}`);
      const server = ctx.facts.registryLogin?.loginServer ?? ctx.settings.loginServer;
      const { digest } = await ctx.adapters.docker
        .push(ref, { signal: ctx.signal, onLine: ctx.output })
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
