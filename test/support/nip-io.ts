// HTTP as a browser on the student's machine does it, for URLs with nip.io hosts: nip.io's DNS answers
// `<anything>.<a.b.c.d>.nip.io` with a.b.c.d, so the name resolves here without asking a DNS server
// (tests run offline). The Host header stays the URL's host, which is what ingress rules match.
import { request as httpRequest } from 'node:http';
import type { LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';

const NIP_IO = /(?:^|[.-])(\d{1,3}(?:\.\d{1,3}){3})\.nip\.io$/i;

/** nip.io's rule, then the system resolver for any other name. */
const lookup: LookupFunction = (hostname, options, callback) => {
  const ip = NIP_IO.exec(hostname)?.[1];
  if (!ip) return dnsLookup(hostname, options, callback);
  if (options.all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: ip, family: 4 }]);
  else callback(null, ip, 4);
};

export interface Answer {
  status: number;
  body: string;
}

/** One request (JSON body and bearer token optional); resolves with status and body text. */
export function request(method: string, url: string, json?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const req = httpRequest(
      url,
      {
        method,
        lookup,
        timeout: 10_000,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}
