// Names every image by its build inputs and asks the registry which of them it already has. What the
// registry has is neither built nor pushed again: jars, image:* and push:* skip it, docker-login is not
// even needed when nothing is missing. Asking the world (not a local record) keeps this true after a
// `docker system prune`, on another machine, or after someone deleted a tag.
import { imageRef } from '../config/schema.js';
import { rethrowWithHint } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { buildArgs } from '../render/index.js';
import { contentTag, inputDigest } from './build-inputs.js';
import { findDockerfile } from './image.js';

export const imageTagsStep: StepDefinition = {
  name: 'image-tags',
  title: 'Look up the images in the registry',
  reads: ['repoDirs', 'registryLogin', 'registryPassword'],
  writes: ['imageTags', 'imagesInRegistry'],
  readOnly: true,
  timeout: 'push',
  plan: (settings) => [
    `tag each image <tag>-<digest of its sources, Dockerfile and build args> and ask ${settings.loginServer} (HEAD /v2/<repo>/manifests/<tag>) which already exist; those are not built or pushed again`,
  ],
  async run(ctx) {
    const repoDirs = need(ctx.facts.repoDirs, 'repoDirs');
    const credential = {
      ...need(ctx.facts.registryLogin, 'registryLogin'),
      password: need(ctx.facts.registryPassword, 'registryPassword'),
    };
    const prefix = ctx.settings.config.registry.repositoryPrefix;
    const found = await Promise.all(
      ctx.settings.config.services.map(async (service) => {
        const repoDir = repoDirs[service.repo];
        const args = buildArgs(ctx.settings, service.name, findDockerfile(repoDir, service));
        const tag = contentTag(ctx.settings, await inputDigest(ctx.settings, service, repoDir, args, ctx.signal));
        const digest = await ctx.adapters.registry
          .manifestDigest(credential, `${prefix}/${service.name}`, tag, ctx.signal)
          .catch(rethrowWithHint(`check that ${credential.loginServer} is reachable`));
        return { service: service.name, ref: imageRef(ctx.settings, service.name, tag), digest };
      }),
    );
    ctx.facts.imageTags = Object.fromEntries(found.map((f) => [f.service, f.ref]));
    ctx.facts.imagesInRegistry = Object.fromEntries(found.filter((f) => f.digest).map((f) => [f.service, f.digest as string]));
    const missing = found.filter((f) => !f.digest).map((f) => f.service);
    for (const f of found) ctx.log(`${f.ref}: ${f.digest ? 'in the registry' : 'to build'}`);
    return { message: missing.length === 0 ? 'every image is already in the registry' : `to build: ${missing.join(', ')}` };
  },
};

/** Whether the registry already holds this service's image under its content tag. */
export function inRegistry(facts: { imagesInRegistry?: Record<string, string> }, service: string): boolean {
  return facts.imagesInRegistry?.[service] !== undefined;
}
