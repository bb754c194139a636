// "Is this tag already in the registry?" over the OCI distribution API: `HEAD /v2/<repo>/manifests/<tag>`.
// ACR accepts the admin user as Basic auth; an ACR refresh token (the token login) is first traded for
// an access token scoped to `repository:<repo>:pull` at `/oauth2/token` (library-notes, "ACR without the
// admin user", step 4). The credential travels only in headers and form bodies, never in a URL or message.
import { AbortedError, ToolError } from '../../core/errors.js';
import type { RegistryCredential } from '../types.js';

export interface ManifestLookupOptions {
  /** http instead of https (the sandbox's local registry only). */
  insecure?: boolean;
  fetchFn?: typeof fetch;
}

/** The manifest media types a HEAD accepts, so a registry never answers 404 for a format it would convert. */
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** See Registry.manifestDigest in src/adapters/types.ts. */
export async function manifestDigest(
  credential: RegistryCredential,
  repository: string,
  tag: string,
  signal: AbortSignal,
  opts: ManifestLookupOptions = {},
): Promise<string | undefined> {
  const fetchFn = opts.fetchFn ?? fetch;
  const base = `${opts.insecure ? 'http' : 'https'}://${credential.loginServer}`;
  const authorization =
    credential.method === 'admin'
      ? `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
      : `Bearer ${await accessToken(fetchFn, base, credential, repository, signal)}`;
  const res = await call(
    fetchFn,
    `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`,
    { method: 'HEAD', headers: { Accept: ACCEPT, Authorization: authorization }, signal },
    credential.loginServer,
  );
  if (res.status === 404) return undefined;
  if (!res.ok) {
    throw new ToolError(
      `the registry ${credential.loginServer} answered HTTP ${res.status} when asked for ${repository}:${tag}`,
      res.status === 401 || res.status === 403
        ? 'your registry login may lack pull rights; check `az acr login` works'
        : 'retry; check the registry is healthy',
    );
  }
  return res.headers.get('docker-content-digest') ?? undefined;
}

async function accessToken(fetchFn: typeof fetch, base: string, credential: RegistryCredential, repository: string, signal: AbortSignal): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    service: credential.loginServer,
    scope: `repository:${repository}:pull`,
    refresh_token: credential.password,
  });
  const res = await call(
    fetchFn,
    `${base}/oauth2/token`,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString(), signal },
    credential.loginServer,
  );
  const json = (await res.json().catch(() => ({}))) as { access_token?: unknown };
  if (!res.ok || typeof json.access_token !== 'string') {
    throw new ToolError(
      `the registry ${credential.loginServer} refused an access token (HTTP ${res.status})`,
      'run lifesub up again; if it persists, `az login` again',
    );
  }
  return json.access_token;
}

async function call(fetchFn: typeof fetch, url: string, init: RequestInit, server: string): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (err) {
    if (init.signal?.aborted) throw new AbortedError();
    const code = (err as { cause?: { code?: string } }).cause?.code;
    throw new ToolError(`could not reach the registry ${server}${code ? ` (${code})` : ''}`, 'check the network');
  }
}
