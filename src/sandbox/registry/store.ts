// The simulated registries' data: one virtual registry per name (login server <name>.azurecr.io),
// each with admin credentials and the manifests pushed to it. Only the process that serves the
// registry owns this file; the tool shims talk to it over HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { readJson, writeJsonAtomic } from '../json-file.js';

export const REGISTRY_DOMAIN = 'azurecr.io';

export interface StoredManifest {
  mediaType: string;
  /** The exact bytes that were pushed (their sha256 is the digest), base64. */
  body: string;
}

export interface RegistryRecord {
  name: string;
  username: string;
  /** Two admin passwords, like ACR's password and password2. */
  passwords: [string, string];
  createdAt: string;
  /** repository → tags and manifests */
  repositories: Record<string, { tags: Record<string, string>; manifests: Record<string, StoredManifest> }>;
}

interface FileShape {
  registries: Record<string, RegistryRecord>;
}

export function digestOf(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function newPassword(): string {
  // ACR admin passwords are 32+ characters of base64-ish text.
  return randomBytes(24).toString('base64').replace(/[+/=]/g, 'x');
}

export class RegistryStore {
  private data: FileShape;

  private constructor(
    private readonly file: string | undefined,
    data: FileShape,
  ) {
    this.data = data;
  }

  /** Loads the file (or starts empty); `file` undefined keeps everything in memory (tests). */
  static load(file?: string): RegistryStore {
    const raw = file ? (readJson(file) as FileShape | undefined) : undefined;
    return new RegistryStore(file, raw && typeof raw === 'object' && raw.registries ? raw : { registries: {} });
  }

  save(): void {
    if (this.file) writeJsonAtomic(this.file, this.data, 0o600);
  }

  /** Creates the registry with fresh admin credentials unless it exists; returns it. */
  ensure(name: string): RegistryRecord {
    const key = name.toLowerCase();
    let record = this.data.registries[key];
    if (!record) {
      record = { name: key, username: key, passwords: [newPassword(), newPassword()], createdAt: new Date().toISOString(), repositories: {} };
      this.data.registries[key] = record;
      this.save();
    }
    return record;
  }

  list(): RegistryRecord[] {
    return Object.values(this.data.registries);
  }

  get(name: string): RegistryRecord | undefined {
    return this.data.registries[name.toLowerCase()];
  }

  /** The registry a login server (`democr.azurecr.io[:port]`) names, if it is one of ours. */
  byHost(host: string): RegistryRecord | undefined {
    const hostname = host.toLowerCase().replace(/:\d+$/, '');
    const suffix = `.${REGISTRY_DOMAIN}`;
    if (!hostname.endsWith(suffix)) return undefined;
    return this.get(hostname.slice(0, -suffix.length));
  }

  putManifest(registry: RegistryRecord, repo: string, reference: string, mediaType: string, bytes: Buffer): string {
    const digest = digestOf(bytes);
    const entry = (registry.repositories[repo] ??= { tags: {}, manifests: {} });
    entry.manifests[digest] = { mediaType, body: bytes.toString('base64') };
    if (!reference.startsWith('sha256:')) entry.tags[reference] = digest;
    this.save();
    return digest;
  }

  /** A manifest by tag or digest. */
  getManifest(registry: RegistryRecord, repo: string, reference: string): { digest: string; manifest: StoredManifest } | undefined {
    const entry = registry.repositories[repo];
    if (!entry) return undefined;
    const digest = reference.startsWith('sha256:') ? reference : entry.tags[reference];
    const manifest = digest ? entry.manifests[digest] : undefined;
    return digest && manifest ? { digest, manifest } : undefined;
  }

  /**
   * Copies one manifest (the same bytes, so the same digest) into another registry under `targetTags`
   * (`repo:tag`), as ACR import does. The simulated registry keeps no blobs (see StoreImageCatalog), so
   * the manifest is the whole image. Returns false when the source has no such manifest.
   */
  copyImage(from: RegistryRecord, repo: string, reference: string, to: RegistryRecord, targetTags: string[]): boolean {
    const found = this.getManifest(from, repo, reference);
    if (!found) return false;
    const bytes = Buffer.from(found.manifest.body, 'base64');
    for (const target of targetTags) {
      const colon = target.lastIndexOf(':');
      const [targetRepo, tag] =
        colon > 0 ? [target.slice(0, colon), target.slice(colon + 1)] : [target, reference.startsWith('sha256:') ? 'latest' : reference];
      this.putManifest(to, targetRepo, tag, found.manifest.mediaType, bytes);
    }
    return true;
  }

  tags(registry: RegistryRecord, repo: string): string[] | undefined {
    const entry = registry.repositories[repo];
    return entry && Object.keys(entry.tags).sort();
  }
}
