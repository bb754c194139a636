// `docker push REF`: needs the image locally and a login for the registry host; uploads a manifest
// derived from the image ID (so the same image always has the same digest).
import { createHash } from 'node:crypto';
import { parseImageRef } from '../registry/catalog.js';
import { storedAuth } from './docker-login.js';
import { findImage, normalizeRef } from './docker-images.js';
import { ACR_UNAUTHORIZED, noSuchHost, registryCall } from './registry-client.js';
import { ToolExit, type ToolContext } from './runtime.js';

const MANIFEST_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

export function manifestFor(imageId: string, size: number): { text: string; layers: string[] } {
  const layerDigest = (i: number) => `sha256:${createHash('sha256').update(`${imageId}/layer/${i}`).digest('hex')}`;
  const layers = [0, 1, 2].map(layerDigest);
  const shares = [0.6, 0.3, 0.1];
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_TYPE,
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 7023, digest: imageId },
    layers: layers.map((digest, i) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: Math.round(size * (shares[i] ?? 0)), digest })),
  };
  return { text: JSON.stringify(manifest, null, 3), layers };
}

export async function push(ctx: ToolContext, rawRef: string, quiet: boolean): Promise<void> {
  const normalized = normalizeRef(rawRef);
  if ('error' in normalized) throw new ToolExit(1, `invalid reference format`);
  const { host, repo, reference } = parseImageRef(normalized.ref);
  const repoName = normalized.ref.slice(0, normalized.ref.length - reference.length - 1);
  const image = findImage(ctx.paths().imagesDir, normalized.ref);
  if (!image) throw new ToolExit(1, `An image does not exist locally with the tag: ${repoName}`);
  if (!quiet) ctx.out(`The push refers to repository [${repoName}]\n`);
  if (host === 'docker.io') throw new ToolExit(1, 'denied: requested access to the resource is denied');

  const auth = storedAuth(ctx, host);
  const ping = await registryCall(host, 'GET', '/v2/', { auth, signal: ctx.signal, env: ctx.env });
  if (ping.unknownHost) throw new ToolExit(1, noSuchHost(host));
  if (ping.status === 401) throw new ToolExit(1, ACR_UNAUTHORIZED);

  const { text, layers } = manifestFor(image.id, image.size);
  if (!quiet) for (const layer of layers) ctx.out(`${layer.slice(7, 19)}: Preparing\n`);
  await ctx.delay('dockerPush');
  const put = await registryCall(host, 'PUT', `/v2/${repo}/manifests/${reference}`, {
    auth,
    body: text,
    contentType: MANIFEST_TYPE,
    signal: ctx.signal,
    env: ctx.env,
  });
  if (put.status === 401) throw new ToolExit(1, ACR_UNAUTHORIZED);
  if (put.status !== 201) throw new ToolExit(1, `failed to push ${normalized.ref}: ${errorMessage(put.body)}`);
  const digest = String(put.headers['docker-content-digest']);
  if (!quiet) for (const layer of layers) ctx.out(`${layer.slice(7, 19)}: Pushed\n`);
  ctx.out(quiet ? `${normalized.ref}\n` : `${reference}: digest: ${digest} size: ${Buffer.byteLength(text)}\n`);
}

function errorMessage(body: string): string {
  try {
    const first = (JSON.parse(body) as { errors?: Array<{ code: string; message: string }> }).errors?.[0];
    return first ? `${first.code.toLowerCase()}: ${first.message}` : body;
  } catch {
    return body;
  }
}
