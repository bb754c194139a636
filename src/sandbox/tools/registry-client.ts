// How the docker shim reaches a registry host: every sandbox registry is served by one local
// server and told apart by the Host header (fetch cannot set Host, so node:http).
import { request } from 'node:http';
import { REGISTRY_VAR, requireEnv } from '../env.js';
import { UNKNOWN_HOST_HEADER } from '../registry/server.js';

export interface RegistryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The host is not a sandbox registry: report it like a DNS failure. */
  unknownHost: boolean;
}

export function registryCall(
  host: string,
  method: string,
  path: string,
  options: { auth?: string; body?: string; contentType?: string; signal: AbortSignal; env: NodeJS.ProcessEnv },
): Promise<RegistryResponse> {
  const base = new URL(requireEnv(REGISTRY_VAR, options.env));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: base.hostname,
        port: base.port,
        method,
        path,
        signal: options.signal,
        headers: {
          host,
          ...(options.auth ? { authorization: options.auth } : {}),
          ...(options.contentType ? { 'content-type': options.contentType } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, unknownHost: res.headers[UNKNOWN_HOST_HEADER] === '1' }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const ACR_UNAUTHORIZED = 'unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.';

export function noSuchHost(host: string): string {
  return `Get "https://${host}/v2/": dial tcp: lookup ${host}: no such host`;
}
