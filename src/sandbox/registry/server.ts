// The simulated container registry: the parts of the OCI distribution API that lifesub and the
// docker shim use, for every virtual registry at once (chosen by the Host header).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenStable } from '../ports.js';
import { authorized, RegistryTokens } from './auth.js';
import { handleOAuth } from './oauth.js';
import type { RegistryStore } from './store.js';

export interface RegistryServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RegistryServerOptions {
  store: RegistryStore;
  port?: number;
  /** The fake ARM token, accepted by /oauth2/exchange as the "Azure AD" token. */
  armToken?: string;
}

/** Header set when the Host names no registry: clients report it as a DNS failure. */
export const UNKNOWN_HOST_HEADER = 'x-sandbox-unknown-host';

const repoPattern = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/;
const TAGS = /^\/v2\/(.+)\/tags\/list$/;
const MAX_BODY = 4 * 1024 * 1024;

export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServerHandle> {
  const tokens = new RegistryTokens();
  const server = createServer((req, res) => {
    handle(req, res, options, tokens).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'UNKNOWN', (err as Error).message);
      else res.destroy();
    });
  });
  const port = await listenStable(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: RegistryServerOptions, tokens: RegistryTokens): Promise<void> {
  const body = await readBody(req);
  const { store } = options;
  const host = req.headers.host ?? '';
  const registry = store.byHost(host);
  if (!registry) {
    res.setHeader(UNKNOWN_HOST_HEADER, '1');
    return sendError(res, 404, 'NAME_UNKNOWN', `no such registry: ${host}`);
  }
  const path = new URL(req.url ?? '/', 'http://registry').pathname;
  if (path.startsWith('/oauth2/')) return handleOAuth(req, res, registry, tokens, options.armToken, body);
  if (!path.startsWith('/v2/')) return sendError(res, 404, 'NOT_FOUND', 'not found');
  res.setHeader('Docker-Distribution-Api-Version', 'registry/2.0');
  if (!authorized(registry, tokens, req.headers.authorization)) {
    res.setHeader('WWW-Authenticate', `Basic realm="https://${host.replace(/:\d+$/, '')}/v2/"`);
    return sendError(res, 401, 'UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.');
  }
  if (path === '/v2/' || path === '/v2') return sendJson(res, 200, {});

  const tags = TAGS.exec(path);
  if (tags?.[1] && req.method === 'GET') {
    const list = store.tags(registry, tags[1]);
    if (!list) return sendError(res, 404, 'NAME_UNKNOWN', `repository name not known to registry: ${tags[1]}`);
    return sendJson(res, 200, { name: tags[1], tags: list });
  }

  const manifest = MANIFEST.exec(path);
  if (!manifest?.[1] || !manifest[2]) return sendError(res, 404, 'NOT_FOUND', 'not found');
  const [, repo, reference] = manifest;
  if (!repoPattern.test(repo)) return sendError(res, 400, 'NAME_INVALID', `invalid repository name: ${repo}`);
  if (req.method === 'PUT') {
    const mediaType = req.headers['content-type'] ?? 'application/vnd.oci.image.manifest.v1+json';
    if (!isManifest(body)) return sendError(res, 400, 'MANIFEST_INVALID', 'manifest invalid: expected JSON with schemaVersion 2');
    const digest = store.putManifest(registry, repo, reference, mediaType, body);
    res.writeHead(201, { Location: `/v2/${repo}/manifests/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': '0' });
    return void res.end();
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const found = store.getManifest(registry, repo, reference);
    if (!found) return sendError(res, 404, 'MANIFEST_UNKNOWN', `manifest tagged by "${reference}" is not found`);
    const bytes = Buffer.from(found.manifest.body, 'base64');
    res.writeHead(200, { 'Content-Type': found.manifest.mediaType, 'Content-Length': String(bytes.length), 'Docker-Content-Digest': found.digest });
    return void res.end(req.method === 'GET' ? bytes : undefined);
  }
  sendError(res, 405, 'UNSUPPORTED', `method ${req.method} not supported`);
}

function isManifest(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { schemaVersion?: unknown };
    return parsed.schemaVersion === 2;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ code, message, detail: null }] });
}
