// A fake Azure Resource Manager endpoint: just the Microsoft.ContainerRegistry calls lifesub's real
// ACR adapter makes (list registries, get one, list admin credentials), plus PUT to create a
// registry (how a second CLI process makes sure its registry exists in a served sandbox), and importImage
// (the server-side copy `lifesub class` uses; a long-running operation answered 202 + Location like ACR).
// Response shapes follow @azure/arm-containerregistry 11.x (api-version 2025-11-01).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenStable } from '../ports.js';
import { REGISTRY_DOMAIN, type RegistryRecord, type RegistryStore } from '../registry/store.js';

export const SANDBOX_SUBSCRIPTION = '6f1b5c3e-0d7a-4c2b-9e8f-1a2b3c4d5e6f';
export const SANDBOX_RESOURCE_GROUP = 'lifesub-sandbox-rg';
export const SANDBOX_LOCATION = 'koreacentral';

export interface ArmServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ArmServerOptions {
  store: RegistryStore;
  /** Bearer token every request must carry. */
  token: string;
  port?: number;
  /** Fault `registryMissing`: names answered as absent even when stored (lower-case compared). */
  missing?: string[];
  /**
   * Registries whose importImage is refused as if the caller lacked the role there (fault injection);
   * asked at each import, so fixing the fault file takes effect in a running sandbox.
   */
  importRefused?: () => string[];
}

const PROVIDER = 'providers/Microsoft.ContainerRegistry/registries';
const LIST = new RegExp(`^/subscriptions/([^/]+)/(?:resourceGroups/([^/]+)/)?${PROVIDER}$`, 'i');
const ONE = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/([^/]+)/${PROVIDER}/([^/]+)(/listCredentials|/importImage)?$`, 'i');
const OPERATION = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerRegistry\/locations\/([^/]+)\/operationResults\/([^/]+)$/i;

export async function startArmServer(options: ArmServerOptions): Promise<ArmServerHandle> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, options, Buffer.concat(chunks).toString('utf8')));
  });
  const port = await listenStable(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

function handle(req: IncomingMessage, res: ServerResponse, options: ArmServerOptions, body: string): void {
  const { token } = options;
  const store = withoutMissing(options.store, options.missing);
  const url = new URL(req.url ?? '/', 'http://arm');
  const auth = req.headers.authorization;
  if (!auth) return armError(res, 401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  if (auth !== `Bearer ${token}`) return armError(res, 401, 'InvalidAuthenticationToken', 'The access token is invalid.');
  if (!url.searchParams.get('api-version')) {
    return armError(res, 400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  const path = url.pathname;
  const operation = OPERATION.exec(path);
  if (operation && req.method === 'GET') {
    // Imports finish before the 202 is sent (the copy is in memory); ARM answers a finished operation with 200.
    if (operation[1] !== SANDBOX_SUBSCRIPTION) return armError(res, 404, 'SubscriptionNotFound', `The subscription '${operation[1]}' could not be found.`);
    return sendJson(res, 200, {});
  }
  const list = LIST.exec(path);
  const one = list ? undefined : ONE.exec(path);
  const subscription = list?.[1] ?? one?.[1];
  if (!subscription) return armError(res, 404, 'InvalidResourceType', `The resource type could not be found for ${path}.`);
  if (subscription !== SANDBOX_SUBSCRIPTION) return armError(res, 404, 'SubscriptionNotFound', `The subscription '${subscription}' could not be found.`);
  const group = list?.[2] ?? one?.[2];
  if (group !== undefined && group.toLowerCase() !== SANDBOX_RESOURCE_GROUP) {
    return armError(res, 404, 'ResourceGroupNotFound', `Resource group '${group}' could not be found.`);
  }
  if (list) {
    if (req.method !== 'GET') return armError(res, 405, 'MethodNotAllowed', `${req.method} is not supported here.`);
    return sendJson(res, 200, { value: store.list().map(resourceOf) });
  }
  const name = one?.[3] ?? '';
  const action = one?.[4]?.toLowerCase();
  const credentials = action !== undefined;
  if (req.method === 'PUT' && !credentials) {
    if (!/^[a-zA-Z0-9]{5,50}$/.test(name)) {
      return armError(res, 400, 'RegistryNameInvalid', `The registry name '${name}' is invalid: 5-50 alphanumeric characters.`);
    }
    const existed = store.get(name) !== undefined;
    return sendJson(res, existed ? 200 : 201, resourceOf(store.ensure(name)));
  }
  const registry = store.get(name);
  if (!registry) {
    return armError(
      res,
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.ContainerRegistry/registries/${name}' under resource group '${SANDBOX_RESOURCE_GROUP}' was not found.`,
    );
  }
  if (action === '/importimage' && req.method === 'POST') return importImage(res, options, registry, body, url, `http://${req.headers.host ?? '127.0.0.1'}`);
  if (credentials && req.method === 'POST') {
    return sendJson(res, 200, {
      username: registry.username,
      passwords: [
        { name: 'password', value: registry.passwords[0] },
        { name: 'password2', value: registry.passwords[1] },
      ],
    });
  }
  if (!credentials && req.method === 'GET') return sendJson(res, 200, resourceOf(registry));
  armError(res, 405, 'MethodNotAllowed', `${req.method} is not supported here.`);
}

/**
 * POST …/registries/<target>/importImage (ImportImageParameters): copies the source manifest under the
 * target tags and answers like ACR: 202 Accepted with a Location to poll. A source registry or image that
 * does not exist is refused with ACR's error code InvalidParameters (Azure/acr#632 shows the code).
 */
function importImage(res: ServerResponse, options: ArmServerOptions, target: RegistryRecord, body: string, url: URL, base: string): void {
  const { store } = options;
  let params: { source?: { resourceId?: string; registryUri?: string; sourceImage?: string }; targetTags?: string[]; mode?: string };
  try {
    params = JSON.parse(body || '{}') as typeof params;
  } catch {
    return armError(res, 400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
  }
  const sourceImage = params.source?.sourceImage;
  if (!sourceImage) return armError(res, 400, 'InvalidParameters', "The parameter 'source.sourceImage' is required.");
  if (options.importRefused?.().some((n) => n.toLowerCase() === target.name)) {
    return armError(
      res,
      403,
      'AuthorizationFailed',
      `The client '00000000-0000-0000-0000-000000000000' with object id '00000000-0000-0000-0000-000000000000' does not have authorization to perform action 'Microsoft.ContainerRegistry/registries/importImage/action' over scope '${registryResourceId(target.name)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  const sourceName = /\/registries\/([^/]+)$/i.exec(params.source?.resourceId ?? '')?.[1];
  const source = sourceName ? store.get(sourceName) : undefined;
  const operationId = `registries-${crypto.randomUUID()}`;
  if (!source) {
    return armError(
      res,
      400,
      'InvalidParameters',
      `Operation ${operationId} failed. Source registry '${params.source?.resourceId ?? params.source?.registryUri ?? ''}' could not be found.`,
    );
  }
  const at = sourceImage.indexOf('@');
  const colon = sourceImage.lastIndexOf(':');
  const [repo, reference] =
    at > 0
      ? [sourceImage.slice(0, at), sourceImage.slice(at + 1)]
      : colon > 0
        ? [sourceImage.slice(0, colon), sourceImage.slice(colon + 1)]
        : [sourceImage, 'latest'];
  const targetTags = params.targetTags && params.targetTags.length > 0 ? params.targetTags : [`${repo}:${reference}`];
  if (
    params.mode !== 'Force' &&
    targetTags.some((t) => {
      const c = t.lastIndexOf(':');
      return store.getManifest(target, t.slice(0, c), t.slice(c + 1)) !== undefined;
    })
  ) {
    return armError(res, 409, 'Conflict', `Operation ${operationId} failed. Target tag already exists; use mode Force to overwrite it.`);
  }
  if (!store.copyImage(source, repo, reference, target, targetTags)) {
    return armError(
      res,
      400,
      'InvalidParameters',
      `Operation ${operationId} failed. Resource '${registryResourceId(source.name)}' Image '${sourceImage}' not found.`,
    );
  }
  const location = `${base}/subscriptions/${SANDBOX_SUBSCRIPTION}/providers/Microsoft.ContainerRegistry/locations/${SANDBOX_LOCATION.toUpperCase()}/operationResults/${operationId}?api-version=${url.searchParams.get('api-version')}`;
  res.writeHead(202, { Location: location, 'Retry-After': '10', 'Content-Length': '0', 'x-ms-request-id': crypto.randomUUID() });
  res.end();
}

export function registryResourceId(name: string): string {
  return `/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/${SANDBOX_RESOURCE_GROUP}/${PROVIDER}/${name}`;
}

function resourceOf(registry: RegistryRecord): unknown {
  return {
    id: registryResourceId(registry.name),
    name: registry.name,
    type: 'Microsoft.ContainerRegistry/registries',
    location: SANDBOX_LOCATION,
    tags: {},
    sku: { name: 'Basic', tier: 'Basic' },
    properties: {
      loginServer: `${registry.name}.${REGISTRY_DOMAIN}`,
      creationDate: registry.createdAt,
      provisioningState: 'Succeeded',
      adminUserEnabled: true,
      publicNetworkAccess: 'Enabled',
      zoneRedundancy: 'Disabled',
    },
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'x-ms-request-id': crypto.randomUUID(),
  });
  res.end(text);
}

function armError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** The store as ARM sees it: the fault's missing registries neither listed nor found. */
function withoutMissing(store: RegistryStore, missing: string[] | undefined): Pick<RegistryStore, 'list' | 'get' | 'ensure'> {
  if (!missing?.length) return store;
  const gone = (name: string) => missing.some((m) => m.toLowerCase() === name.toLowerCase());
  return {
    list: () => store.list().filter((r) => !gone(r.name)),
    get: (name) => (gone(name) ? undefined : store.get(name)),
    ensure: (name) => store.ensure(name),
  };
}
