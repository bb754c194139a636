// `docker build`: checks what BuildKit would check (Dockerfile, context, ARGs, COPY sources), then
// stores a deterministic image and prints BuildKit-style plain progress on stderr.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { argDeclarations, baseImages, copySources, expand, parseDockerfile } from './dockerfile.js';
import { hashPath, matchSources, outsideContext } from './docker-context.js';
import { normalizeRef, saveImage } from './docker-images.js';
import { parseImageRef } from '../registry/catalog.js';
import { ToolExit, type ToolContext } from './runtime.js';

export interface BuildRequest {
  context: string;
  dockerfile?: string;
  tags: string[];
  buildArgs: string[];
  labels: string[];
  platform?: string;
  iidfile?: string;
  quiet: boolean;
}

const fail = (message: string) => new ToolExit(1, `ERROR: ${message}`);

export async function build(ctx: ToolContext, req: BuildRequest): Promise<void> {
  const tags = req.tags.map((t) => {
    const n = normalizeRef(t);
    if ('error' in n) throw fail(`invalid tag "${t}": ${n.error}`);
    return n.ref;
  });
  const context = path.resolve(req.context);
  if (!isDir(context)) throw fail(`unable to prepare context: path "${req.context}" not found`);
  // Like buildx, -f is relative to the working directory; the default is Dockerfile in the context.
  const dockerfilePath = req.dockerfile ? path.resolve(req.dockerfile) : path.join(context, 'Dockerfile');
  let dockerfile: string;
  try {
    dockerfile = readFileSync(dockerfilePath, 'utf8');
  } catch {
    throw fail(`failed to solve: failed to read dockerfile: open ${req.dockerfile ?? 'Dockerfile'}: no such file or directory`);
  }
  const instructions = parseDockerfile(dockerfile);
  if (!instructions.some((i) => i.keyword === 'FROM')) throw fail('failed to solve: dockerfile parse error: no build stage in current context');

  const passed = new Map(req.buildArgs.map((a) => (a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, ctx.env[a] ?? ''])));
  const declared = argDeclarations(instructions);
  const vars: Record<string, string> = {};
  for (const arg of declared) {
    // Like BuildKit: an ARG without a default that was not passed is simply unset (expands to ""), so a
    // build fails only where that matters, e.g. `COPY ${BUILD_FOLDER}/nginx.conf` → "/nginx.conf": not found.
    const value = passed.get(arg.name) ?? arg.default;
    if (value !== undefined) vars[arg.name] = value;
  }
  for (const i of instructions.filter((x) => x.keyword === 'ENV')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)(.*)$/.exec(i.args);
    if (m) vars[m[1] as string] = expand((m[2] as string).replace(/^"(.*)"$/, '$1'), vars);
  }

  const frontend = baseImages(instructions).some((image) => /(^|\/)node(:|$)/.test(image));
  const progress = (line: string) => {
    if (!req.quiet) ctx.err(`${line}\n`);
  };
  progress('#0 building with "default" instance using docker driver\n');
  progress(`#1 [internal] load build definition from ${path.basename(dockerfilePath)}`);
  progress(`#1 transferring dockerfile: ${Buffer.byteLength(dockerfile)}B done\n#1 DONE 0.0s\n`);
  let step = 2;
  for (const image of baseImages(instructions)) progress(`#${step++} [internal] load metadata for ${qualified(expand(image, vars))}\n#${step - 1} DONE 0.4s\n`);

  const inputs: string[] = [];
  let contextBytes = 0;
  for (const copy of copySources(instructions).filter((c) => !c.fromStage)) {
    progress(`#${step} [${step - 1}] ${copy.instruction.keyword} ${expand(copy.instruction.args, vars)}`);
    for (const raw of copy.sources) {
      const source = expand(raw, vars);
      if (outsideContext(source)) throw fail(`failed to solve: failed to compute cache key: "${source}": forbidden path outside the build context`);
      const matches = matchSources(context, source);
      if (matches.length === 0) {
        const ref = createHash('sha256').update(context).digest('hex').slice(0, 25);
        progress(`#${step} ERROR: "/${source.replace(/^\/+/, '')}": not found`);
        throw fail(
          `failed to solve: failed to compute cache key: failed to calculate checksum of ref ${ref}::${ref.slice(0, 12)}: "/${source.replace(/^\/+/, '')}": not found`,
        );
      }
      for (const match of matches) {
        const { hash, bytes } = hashPath(path.join(context, match));
        inputs.push(`${match}=${hash}`);
        contextBytes += bytes;
      }
    }
    progress(`#${step++} DONE 0.1s\n`);
  }
  await ctx.delay(frontend ? 'dockerBuildFrontend' : 'dockerBuildBackend');

  const usedArgs = Object.fromEntries(declared.map((a) => [a.name, vars[a.name] ?? null]));
  const unused = [...passed.keys()].filter((k) => !declared.some((a) => a.name === k));
  const id = `sha256:${createHash('sha256')
    .update(
      JSON.stringify({ dockerfile, args: sortKeys(usedArgs), inputs: inputs.sort(), labels: [...req.labels].sort(), platform: req.platform ?? 'linux/amd64' }),
    )
    .digest('hex')}`;
  const created = new Date().toISOString();
  const size = contextBytes + (frontend ? 48_000_000 : 420_000_000);
  for (const ref of tags) saveImage(ctx.paths().imagesDir, { ref, id, created, size, buildArgs: usedArgs as Record<string, string> });
  progress(`#${step} exporting to image\n#${step} exporting layers 0.1s done\n#${step} writing image ${id} done`);
  for (const ref of tags) progress(`#${step} naming to ${ref} done`);
  progress(`#${step} DONE 0.2s`);
  if (unused.length) ctx.err(`\n 1 warning found (use docker --debug to expand):\n - One or more build-args [${unused.join(' ')}] were not consumed\n`);
  if (req.iidfile) writeFileSync(req.iidfile, id);
  if (req.quiet) ctx.out(`${id}\n`);
}

/** BuildKit names base images in full: nginx:stable-alpine → docker.io/library/nginx:stable-alpine. */
function qualified(image: string): string {
  const { host, repo, reference } = parseImageRef(image);
  return `${host}/${repo}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
