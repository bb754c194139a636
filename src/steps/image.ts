// Builds one service's image. The lab repositories exist in two layouts (Dockerfile in deployment/ or
// in deployment/container/), so the first Dockerfile that exists wins. The image is tagged with the
// digest of its inputs (image-tags) and not built at all when the registry already has that tag. The
// frontend needs no address: its build args carry placeholders, the runtime-env.js ConfigMap the URLs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { imageRef, type ServiceConfig } from '../config/schema.js';
import { rethrowWithHint, ToolError } from '../core/errors.js';
import { need, type StepDefinition } from '../graph/step.js';
import { buildArgs } from '../render/index.js';
import { inRegistry } from './image-tags.js';
import { ID_LABEL } from './ownership.js';

/** The first of `service.dockerfiles` present in the repository (relative path). */
export function findDockerfile(repoDir: string, service: ServiceConfig): string {
  const found = service.dockerfiles.find((f) => existsSync(join(repoDir, f)));
  if (found) return found;
  throw new ToolError(
    `no Dockerfile for ${service.name} in ${repoDir}: looked for ${service.dockerfiles.join(', ')}`,
    `check that ${repoDir} is the lab repository on the expected branch, or list its Dockerfile in services[].dockerfiles`,
  );
}

/** The docker command a student can paste to see the same failure (build args are not secret). */
function reproduce(repoDir: string, dockerfile: string, ref: string, args: Record<string, string>): string {
  const buildArgFlags = Object.entries(args)
    .map(([k, v]) => ` --build-arg ${k}=${v}`)
    .join('');
  return `docker build -f ${join(repoDir, dockerfile)} -t ${ref}${buildArgFlags} ${repoDir}`;
}

export function imageStep(service: ServiceConfig): StepDefinition {
  const frontend = service.kind === 'frontend';
  return {
    name: `image:${service.name}`,
    title: `Build image ${service.name}`,
    reads: ['repoDirs', `imageTags.${service.name}`, `imagesInRegistry.${service.name}`],
    writes: [`images.${service.name}`],
    // The frontend's docker build compiles (npm ci + react build): a CPU-heavy build. A backend's
    // copies the jar Gradle built onto a JRE image: it need not queue behind the compiles.
    pool: frontend ? 'builds' : 'images',
    timeout: 'build',
    // npm ci + react build ≈ 100 s, a Spring Boot image ≈ 25 s on a lab VM.
    costS: frontend ? 100 : 25,
    plan: (settings) => [
      `docker build -f <first of ${service.dockerfiles.join(' | ')}> -t ${imageRef(settings, service.name, `${settings.config.registry.tag}-<input digest>`)} ${settings.config.repositories[service.repo].dir} (skipped when the registry has that tag)`,
    ],
    async run(ctx) {
      const repoDir = need(ctx.facts.repoDirs, 'repoDirs')[service.repo];
      const ref = need(ctx.facts.imageTags?.[service.name], `content tag of ${service.name}`);
      if (inRegistry(ctx.facts, service.name)) return { skipped: `${ref} is already in the registry` };
      const dockerfile = findDockerfile(repoDir, service);
      const args = buildArgs(ctx.settings, service.name, dockerfile);
      ctx.log(`building ${ref} from ${dockerfile}`);
      const { imageId } = await ctx.adapters.docker
        .build(
          { context: repoDir, dockerfile, tags: [ref], buildArgs: args, labels: { [ID_LABEL]: ctx.settings.id } },
          { signal: ctx.signal, onLine: ctx.output },
        )
        .catch(rethrowWithHint(`see the docker build output above (--verbose shows every line); reproduce with: ${reproduce(repoDir, dockerfile, ref, args)}`));
      ctx.facts.images = { ...ctx.facts.images, [service.name]: ref };
      return { message: `${ref} (${imageId.replace(/^sha256:/, '').slice(0, 12)})` };
    },
  };
}
