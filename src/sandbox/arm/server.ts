// A fake Azure Resource Manager endpoint: just the Microsoft.ContainerRegistry calls lifesub's real
// ACR adapter makes (list registries, get one, list admin credentials), plus PUT to create a
// registry (how a second CLI process makes sure its registry exists in a served sandbox).
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
}

const PROVIDER = 'providers/Microsoft.ContainerRegistry/registries';
const LIST = new RegExp(`^/subscriptions/([^/]+)/(?:resourceGroups/([^/]+)/)?${PROVIDER}$`, 'i');
const ONE = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/([^/]+)/${PROVIDER}/([^/]+)(/listCredentials)?$`, 'i');

export async function startArmServer(options: ArmServerOptions): Promise<ArmServerHandle> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res, options));
  });
  const port = await listenStable(server, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

function handle(req: IncomingMessage, res: ServerResponse, { store: stored, token, missing }: ArmServerOptions): void {
  const store = withoutMissing(stored, missing);
  const url = new URL(req.url ?? '/', 'http://arm');
  const auth = req.headers.authorization;
  if (!auth) return armError(res, 401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  if (auth !== `Bearer ${token}`) return armError(res, 401, 'InvalidAuthenticationToken', 'The access token is invalid.');
  if (!url.searchParams.get('api-version')) {
    return armError(res, 400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  const path = url.pathname;
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
  const credentials = one?.[4] !== undefined;
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
