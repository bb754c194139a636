// The API server's view of the registries: can the kubelet pull this image?
import type { ImageCatalog } from '../contract.js';
import { listImages } from '../tools/docker-images.js';
import { REGISTRY_DOMAIN, type RegistryStore } from './store.js';

/** Splits `host/repo/path:tag` or `…@sha256:…`; the host defaults to docker.io like the real docker. */
export function parseImageRef(ref: string): { host: string; repo: string; reference: string } {
  let rest = ref;
  let reference = 'latest';
  const at = rest.indexOf('@');
  if (at >= 0) {
    reference = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // `repo:tag@sha256:…` pulls by digest; the tag is then only informative, as with the real kubelet.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    if (at < 0) reference = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const isHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = isHost ? first : 'docker.io';
  let repo = isHost ? rest.slice(slash + 1) : rest;
  if (host === 'docker.io' && !repo.includes('/')) repo = `library/${repo}`;
  return { host, repo, reference };
}

export class StoreImageCatalog implements ImageCatalog {
  /**
   * `imagesDir` is the docker shim's local image store: the registry keeps no blobs, so the config blob of
   * a pushed image (whose digest the manifest names) is read from the image that was built and pushed.
   */
  constructor(
    private readonly store: RegistryStore,
    private readonly imagesDir?: string,
  ) {}

  buildArgs(ref: string): Record<string, string> | undefined {
    const { host, repo, reference } = parseImageRef(ref);
    const registry = this.store.byHost(host.toLowerCase().replace(/:\d+$/, ''));
    const found = registry ? this.store.getManifest(registry, repo, reference) : undefined;
    if (!found || !this.imagesDir) return undefined;
    let configDigest: string | undefined;
    try {
      configDigest = (JSON.parse(Buffer.from(found.manifest.body, 'base64').toString('utf8')) as { config?: { digest?: string } }).config?.digest;
    } catch {
      return undefined;
    }
    return listImages(this.imagesDir).find((i) => i.id === configDigest)?.buildArgs;
  }

  hasImage(ref: string): boolean {
    const { host, repo, reference } = parseImageRef(ref);
    const hostname = host.toLowerCase().replace(/:\d+$/, '');
    // Anything outside the simulated Azure registries is a public image and always pullable.
    if (!hostname.endsWith(`.${REGISTRY_DOMAIN}`)) return true;
    const registry = this.store.byHost(hostname);
    return registry !== undefined && this.store.getManifest(registry, repo, reference) !== undefined;
  }
}
