// Plain HTTP for smoke checks (is the frontend answering? does each API route reach its service?).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AbortedError, ToolError } from '../core/errors.js';
import type { Http, HttpRequest, HttpResponse } from './types.js';

export class FetchHttp implements Http {
  constructor(private readonly fetchFn: typeof fetch = fetch) {}

  async get(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse> {
    if (options.signal.aborted) throw new AbortedError();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      const res = await this.fetchFn(url, { signal: AbortSignal.any([options.signal, timeout]), redirect: 'follow' });
      return { status: res.status, body: await res.text() };
    } catch (err) {
      if (options.signal.aborted) throw new AbortedError();
      if (timeout.aborted) {
        throw new ToolError(`GET ${url} timed out after ${options.timeoutMs}ms`, 'is the address reachable from this machine?');
      }
      throw new ToolError(`GET ${url} failed: ${reasonOf(err)}`, 'is the address reachable from this machine?');
    }
  }

  /**
   * node:http rather than fetch: fetch may not set Host (nor Origin, in spirit), and `connectTo` needs
   * the connection's address to differ from the URL's host, as a browser's DNS lookup would make it.
   */
  async request(req: HttpRequest, options: { signal: AbortSignal; timeoutMs: number }): Promise<HttpResponse> {
    if (options.signal.aborted) throw new AbortedError();
    const url = new URL(req.url);
    const [connectHost, connectPort] = splitAddress(req.connectTo ?? url.host);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([options.signal, timeout]);
    const what = `${req.method} ${req.url}${req.connectTo ? ` (via ${req.connectTo})` : ''}`;
    try {
      return await new Promise<HttpResponse>((resolve, reject) => {
        const outgoing = send(
          {
            host: connectHost,
            port: connectPort ?? (url.port || undefined),
            method: req.method,
            path: `${url.pathname}${url.search}`,
            headers: { ...req.headers, host: url.host, ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) },
            servername: url.hostname,
            signal,
          },
          (res) => collect(res).then(resolve, reject),
        );
        outgoing.on('error', reject);
        outgoing.end(req.body);
      });
    } catch (err) {
      if (options.signal.aborted) throw new AbortedError();
      if (timeout.aborted) throw new ToolError(`${what} timed out after ${options.timeoutMs}ms`, 'is the address reachable from this machine?');
      throw new ToolError(`${what} failed: ${reasonOf(err)}`, 'is the address reachable from this machine?');
    }
  }
}

async function collect(res: IncomingMessage): Promise<HttpResponse> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers };
}

/** `1.2.3.4:8080` → ['1.2.3.4', '8080']; `[::1]:80` → ['::1', '80']; no port → [host, undefined]. */
function splitAddress(address: string): [string, string | undefined] {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(address) ?? /^([^:]+)(?::(\d+))?$/.exec(address);
  return m ? [m[1]!, m[2]] : [address, undefined];
}

/** undici and node:http hide the useful part (ECONNREFUSED, ENOTFOUND) in `cause` or `code`. */
function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  const code = (err as { code?: string }).code;
  if (code && code !== 'ABORT_ERR') return code;
  return err instanceof Error ? err.message : String(err);
}
