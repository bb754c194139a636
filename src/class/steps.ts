// The two steps `lifesub class` adds to a student's part of `up`: the namespace budget, and the images
// copied into the student's registry from the one the class built them in (instead of build + push).
import { imageRef, type ServiceConfig } from '../config/schema.js';
import { isAbort, messageOf, rethrowWithHint, ToolError, type Hinted } from '../core/errors.js';
import { need, type Step } from '../graph/step.js';
import { renderBudget } from './budget.js';
import type { Budget } from './roster.js';
import { applyAll, describeCount } from '../steps/manifests.js';

/** Step `quota`: the student's ResourceQuota and LimitRange, before anything that starts pods. */
export function quotaStep(...overrides: Array<Budget | undefined>): Step {
  return {
    name: 'quota',
    title: 'Apply the namespace budget',
    needs: ['namespace'],
    plan: (settings) => [`apply ResourceQuota and LimitRange in ${settings.namespace}`],
    async run(ctx) {
      const objects = renderBudget(ctx.settings, ...overrides);
      const count = await applyAll(ctx, objects);
      const hard = (objects[0]!.spec as { hard: Record<string, string> }).hard;
      return { message: `${describeCount(count, 'objects')} (requests ${hard['requests.cpu']} CPU / ${hard['requests.memory']}, ${hard.pods} pods)` };
    },
  };
}

/** Where the class's images were built: the source registry and each service's content-tagged reference there. */
export interface ClassImages {
  sourceRegistry: string;
  /** service → `<source server>/<prefix>/<service>:<tag>-<digest>` (image-tags of the shared build). */
  refs: Record<string, string>;
}

/**
 * Step `import:<service>`: the image under its content tag in the student's registry. Already there →
 * nothing to do; otherwise an ACR import from the source registry (a server-side copy, nothing passes
 * through this machine). Produces `facts.images[service]` pinned by digest, as `push:<service>` does.
 */
export function importStep(service: ServiceConfig, images: ClassImages): Step {
  return {
    name: `import:${service.name}`,
    title: `Import image ${service.name}`,
    needs: ['registry-login'],
    reads: ['registryLogin', 'registryPassword'],
    writes: [`images.${service.name}`],
    pool: 'pushes',
    timeout: 'push',
    plan: (settings) => [`az acr import ${images.refs[service.name] ?? service.name} into ${settings.registryName} (skipped when it has that tag)`],
    async run(ctx) {
      const source = need(images.refs[service.name], `source image of ${service.name}`);
      const tag = source.slice(source.lastIndexOf(':') + 1);
      const repository = `${ctx.settings.config.registry.repositoryPrefix}/${service.name}`;
      const credential = { ...need(ctx.facts.registryLogin, 'registryLogin'), password: need(ctx.facts.registryPassword, 'registryPassword') };
      const target = imageRef(ctx.settings, service.name, tag);
      const lookUp = () =>
        ctx.adapters.registry
          .manifestDigest(credential, repository, tag, ctx.signal)
          .catch(rethrowWithHint(`check that ${credential.loginServer} is reachable`));
      let digest = await lookUp();
      const pin = (d: string) => (ctx.facts.images = { ...ctx.facts.images, [service.name]: `${target}@${d}` });
      if (digest) {
        pin(digest);
        return { skipped: `already in ${ctx.settings.registryName}` };
      }
      const importImage = ctx.adapters.registry.importImage;
      if (!importImage) throw new Error('internal: the registry adapter cannot import images');
      const request = {
        sourceRegistry: images.sourceRegistry,
        targetRegistry: ctx.settings.registryName,
        sourceImage: `${repository}:${tag}`,
        targetTags: [`${repository}:${tag}`],
      };
      await importImage.call(ctx.adapters.registry, request, ctx.signal).catch((err: unknown) => {
        if (isAbort(err, ctx.signal)) throw err;
        // The adapter's message says what Azure answered; say which copy it was about.
        const hint = (err as Hinted).hint;
        throw new ToolError(
          `ACR import of ${request.sourceImage} from ${images.sourceRegistry} into ${request.targetRegistry} failed: ${messageOf(err)}`,
          `${hint ? `${hint}; ` : ''}importing needs the Contributor role (action Microsoft.ContainerRegistry/registries/importImage/action) on ${request.targetRegistry} and read access to ${images.sourceRegistry}`,
          { cause: err },
        );
      });
      digest = await lookUp();
      if (!digest)
        throw new ToolError(`ACR import into ${ctx.settings.registryName} reported success but ${repository}:${tag} is not there`, 'run the command again');
      pin(digest);
      return { message: `${target} from ${images.sourceRegistry}` };
    },
  };
}
