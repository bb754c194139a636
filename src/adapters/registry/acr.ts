// Azure Container Registry credentials for `docker login`: the admin user when it is enabled (what
// the lab does), otherwise an ACR refresh token obtained with the user's Azure AD identity.
import { ContainerRegistryManagementClient, type Registry as ArmRegistry } from '@azure/arm-containerregistry';
import type { TokenCredential } from '@azure/identity';
import { AbortedError, ToolError, UserError } from '../../core/errors.js';
import type { ImageImport, Registry, RegistryCredential } from '../types.js';
import type { AzureAccount } from './subscription.js';
import { manifestDigest } from './manifests.js';
import { ACR_TOKEN_USER, exchangeRefreshToken } from './token-exchange.js';

export interface AcrRegistryOptions {
  credential: TokenCredential;
  subscriptionId?: string;
  /** Used when subscriptionId is not given (e.g. `az account show`). */
  resolveSubscription?: (signal: AbortSignal) => Promise<string>;
  /** Used when subscriptionId is not given: the subscription with its tenant (preferred over resolveSubscription). */
  resolveAccount?: (signal: AbortSignal) => Promise<AzureAccount>;
  /** The subscription's tenant, with subscriptionId. */
  tenantId?: string;
  /** ARM endpoint (default https://management.azure.com); the sandbox passes its local fake. */
  endpoint?: string;
  /** Allow http:// for `endpoint` and for the registry's token exchange (the sandbox only). */
  allowInsecure?: boolean;
  fetch?: typeof fetch;
  /** How often a long-running ARM operation (ACR import) is polled; default: what ARM's Retry-After says (the SDK's default). */
  pollIntervalMs?: number;
}

const ARM_SCOPE = 'https://management.azure.com/.default';

export class AcrRegistry implements Registry {
  private subscription?: Promise<AzureAccount>;
  private readonly registries = new Map<string, Promise<ArmRegistry>>();

  constructor(private readonly opts: AcrRegistryOptions) {}

  async credentials(registryName: string, signal: AbortSignal): Promise<RegistryCredential> {
    const { subscriptionId, tenantId } = await this.account(signal);
    const credential = tenantId ? inTenant(this.opts.credential, tenantId) : this.opts.credential;
    const client = this.client(subscriptionId, credential);
    const found = await armCall(() => findRegistry(client, registryName, subscriptionId, signal), signal);
    const loginServer = found.loginServer ?? `${registryName.toLowerCase()}.azurecr.io`;

    if (found.adminUserEnabled) {
      const creds = await armCall(() => client.registries.listCredentials(resourceGroupOf(found), found.name ?? registryName, { abortSignal: signal }), signal);
      const password = creds.passwords?.find((p) => p.value)?.value;
      if (!creds.username || !password) {
        throw new ToolError(
          `registry ${registryName} has the admin user enabled but returned no password`,
          `run: az acr credential renew -n ${registryName} --password-name password`,
        );
      }
      return { loginServer, username: creds.username, password, method: 'admin' };
    }

    const password = await armCall(
      () =>
        exchangeRefreshToken({
          credential,
          loginServer,
          insecure: this.opts.allowInsecure,
          fetchFn: this.opts.fetch ?? fetch,
          signal,
          ...(tenantId ? { tenantId } : {}),
        }),
      signal,
    );
    return { loginServer, username: ACR_TOKEN_USER, password, method: 'token' };
  }

  manifestDigest(credential: RegistryCredential, repository: string, tag: string, signal: AbortSignal): Promise<string | undefined> {
    return manifestDigest(credential, repository, tag, signal, { insecure: this.opts.allowInsecure, fetchFn: this.opts.fetch });
  }

  async registryNames(signal: AbortSignal): Promise<string[]> {
    const { client } = await this.signedIn(signal);
    return armCall(async () => {
      const names: string[] = [];
      for await (const r of client.registries.list({ abortSignal: signal })) if (r.name) names.push(r.name);
      return names;
    }, signal);
  }

  async importImage(request: ImageImport, signal: AbortSignal): Promise<void> {
    const { client, subscriptionId } = await this.signedIn(signal);
    const [source, target] = await Promise.all(
      [request.sourceRegistry, request.targetRegistry].map((name) => this.registry(client, name, subscriptionId, signal)),
    );
    await armCall(
      () =>
        client.registries.beginImportImageAndWait(
          resourceGroupOf(target!),
          target!.name ?? request.targetRegistry,
          // Force: tags are content digests, so an existing tag already holds the same image.
          { source: { resourceId: source!.id, sourceImage: request.sourceImage }, targetTags: request.targetTags, mode: 'Force' },
          { abortSignal: signal, ...(this.opts.pollIntervalMs ? { updateIntervalInMs: this.opts.pollIntervalMs } : {}) },
        ),
      signal,
    );
  }

  /** A registry's ARM resource, looked up once per run (a class imports 4 images into each of 40 registries). */
  private registry(client: ContainerRegistryManagementClient, name: string, subscriptionId: string, signal: AbortSignal): Promise<ArmRegistry> {
    const key = `${subscriptionId}/${name.toLowerCase()}`;
    let found = this.registries.get(key);
    if (!found) {
      found = armCall(() => findRegistry(client, name, subscriptionId, signal), signal);
      this.registries.set(key, found);
      // A failure is not remembered: the next call asks again.
      found.catch(() => this.registries.delete(key));
    }
    return found;
  }

  private async signedIn(signal: AbortSignal): Promise<{ client: ContainerRegistryManagementClient; subscriptionId: string }> {
    const { subscriptionId, tenantId } = await this.account(signal);
    const credential = tenantId ? inTenant(this.opts.credential, tenantId) : this.opts.credential;
    return { client: this.client(subscriptionId, credential), subscriptionId };
  }

  private account(signal: AbortSignal): Promise<AzureAccount> {
    const { subscriptionId, tenantId, resolveAccount, resolveSubscription } = this.opts;
    if (subscriptionId) return Promise.resolve({ subscriptionId, ...(tenantId ? { tenantId } : {}) });
    const resolve = resolveAccount ?? (resolveSubscription && ((s: AbortSignal) => resolveSubscription(s).then((id) => ({ subscriptionId: id }))));
    if (!resolve) {
      return Promise.reject(new UserError('no Azure subscription configured', 'set AZURE_SUBSCRIPTION_ID or run `az login`'));
    }
    // Resolve once; a failure is not cached so a retry after `az login` works.
    this.subscription ??= resolve(signal).catch((err: unknown) => {
      this.subscription = undefined;
      throw err;
    });
    return this.subscription;
  }

  private client(subscriptionId: string, credential: TokenCredential): ContainerRegistryManagementClient {
    const { endpoint, allowInsecure } = this.opts;
    if (!endpoint) return new ContainerRegistryManagementClient(credential, subscriptionId);
    const client = new ContainerRegistryManagementClient(credential, subscriptionId, { endpoint, allowInsecureConnection: !!allowInsecure });
    if (allowInsecure) {
      // The SDK's bearer policy refuses plain http; the sandbox's fake ARM still checks the header.
      client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
      client.pipeline.addPolicy({
        name: 'lifesubInsecureBearer',
        async sendRequest(request, next) {
          const token = await credential.getToken(ARM_SCOPE, { abortSignal: request.abortSignal });
          if (token) request.headers.set('Authorization', `Bearer ${token.token}`);
          return next(request);
        },
      });
    }
    return client;
  }
}

async function findRegistry(client: ContainerRegistryManagementClient, name: string, subscriptionId: string, signal: AbortSignal): Promise<ArmRegistry> {
  const seen: string[] = [];
  for await (const r of client.registries.list({ abortSignal: signal })) {
    if (r.name?.toLowerCase() === name.toLowerCase()) return r;
    if (r.name) seen.push(r.name);
  }
  const hint =
    seen.length > 0
      ? `registries in this subscription: ${seen.join(', ')} (check your ID, or select another subscription with \`az account set\`)`
      : `create it: az acr create -n ${name} -g <resource-group> --sku Basic --admin-enabled true (or select another subscription with \`az account set\`)`;
  throw new UserError(`registry ${name} not found in subscription ${subscriptionId}`, hint);
}

/** The credential, asking for tokens of one tenant (the subscription's), as `az` does with `--tenant`. */
export function inTenant(credential: TokenCredential, tenantId: string): TokenCredential {
  return { getToken: (scopes, options) => credential.getToken(scopes, { ...options, tenantId }) };
}

function resourceGroupOf(r: ArmRegistry): string {
  const rg = /\/resourceGroups\/([^/]+)/i.exec(r.id ?? '')?.[1];
  if (!rg) throw new ToolError(`could not tell the resource group of registry ${r.name ?? '?'} from its ID`, 'report this as a bug');
  return rg;
}

/** Maps Azure SDK and identity errors to errors with hints; our own errors pass through. */
async function armCall<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UserError || err instanceof ToolError || err instanceof AbortedError) throw err;
    if (signal.aborted) throw new AbortedError();
    const e = err as { name?: string; statusCode?: number; code?: string; message?: string };
    if (e.name === 'CredentialUnavailableError' || e.name === 'AggregateAuthenticationError' || e.name === 'AuthenticationRequiredError') {
      throw new UserError('not signed in to Azure', 'run `az login` (or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET)');
    }
    if (e.statusCode === 401 || e.statusCode === 403) {
      throw new ToolError(
        `Azure refused access (HTTP ${e.statusCode}${e.code ? ` ${e.code}` : ''})`,
        'check your role on the subscription/registry, then `az login` again',
      );
    }
    if (e.code === 'SubscriptionNotFound' || e.code === 'InvalidSubscriptionId') {
      throw new UserError(`Azure subscription not found (${e.code})`, 'check AZURE_SUBSCRIPTION_ID or `az account show`');
    }
    const status = e.statusCode ? `HTTP ${e.statusCode}` : (e.code ?? e.name ?? 'error');
    // ARM's messages are written for users ("The subscription … could not be found") and carry no secrets.
    const detail = e.message ? `: ${e.message.split('\n')[0]!.slice(0, 500)}` : '';
    throw new ToolError(`Azure Resource Manager call failed (${status})${detail}`, 'check your network and `az account show`, then retry');
  }
}
