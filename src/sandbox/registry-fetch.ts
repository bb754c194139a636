// A `fetch` for the product's registry calls (token exchange, manifest lookups) in the sandbox: every
// simulated registry is served by one local server and told apart by the Host header, which fetch
// cannot set — so the request goes through node:http to that server with Host = the registry's name.
// Calls to any other host are refused like a DNS failure, as they would be for an unknown registry.
import { request } from 'node:http';

/** A fetch that sends `http(s)://<registry host>/…` to the sandbox registry server at `serverUrl`. */
export function sandboxRegistryFetch(serverUrl: string): typeof fetch {
  const server = new URL(serverUrl);
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers: Record<string, string> = { host: url.host };
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const body = typeof init.body === 'string' ? init.body : init.body === undefined || init.body === null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        {
          hostname: server.hostname,
          port: server.port,
          method: init.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          headers,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (res.headers['x-sandbox-unknown-host'] === '1') {
              return reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
            }
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 500;
            const noBody = init.method === 'HEAD' || status === 204 || status === 304;
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: out }));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
