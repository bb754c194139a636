import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FetchHttp } from '../../../src/adapters/http.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    if (req.url?.startsWith('/echo')) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': req.headers.origin ?? '' });
        res.end(
          JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, origin: req.headers.origin, type: req.headers['content-type'], body }),
        );
      });
      return;
    }
    res.writeHead(req.url === '/member' ? 200 : 404, { 'Content-Type': 'text/plain' });
    res.end(`hello ${req.url}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('FetchHttp', () => {
  const http = new FetchHttp();
  const signal = new AbortController().signal;

  test('returns status and body (non-2xx is not an error)', async () => {
    expect(await http.get(`${base}/member`, { signal, timeoutMs: 2000 })).toEqual({ status: 200, body: 'hello /member' });
    expect((await http.get(`${base}/x`, { signal, timeoutMs: 2000 })).status).toBe(404);
  });

  test('timeout → ToolError naming the URL', async () => {
    const err = await http.get(`${base}/slow`, { signal, timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toBe(`GET ${base}/slow timed out after 150ms`);
  });

  test('abort → AbortedError', async () => {
    const controller = new AbortController();
    const pending = http.get(`${base}/slow`, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  test('connection refused → ToolError naming the URL and the reason', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await http.get(`http://127.0.0.1:${port}/`, { signal, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toBe(`GET http://127.0.0.1:${port}/ failed: ECONNREFUSED`);
  });
});

describe('FetchHttp.request', () => {
  const http = new FetchHttp();
  const signal = new AbortController().signal;
  const port = (): string => new URL(base).port;

  test('connectTo: the connection goes to the address, the URL host (never resolved) goes in the Host header', async () => {
    const res = await http.request(
      {
        method: 'POST',
        url: 'http://alice.lb.invalid/echo?x=1',
        headers: { Origin: 'http://20.4.5.6', 'Content-Type': 'application/json' },
        body: '{}',
        connectTo: `127.0.0.1:${port()}`,
      },
      { signal, timeoutMs: 2000 },
    );
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({
      method: 'POST',
      url: '/echo?x=1',
      host: 'alice.lb.invalid',
      origin: 'http://20.4.5.6',
      type: 'application/json',
      body: '{}',
    });
    expect(res.headers?.['access-control-allow-origin']).toBe('http://20.4.5.6');
  });

  test('without connectTo the URL is used as is; any status is an answer', async () => {
    const res = await http.request({ method: 'GET', url: `${base}/nothing` }, { signal, timeoutMs: 2000 });
    expect(res.status).toBe(404);
    const echo = await http.request({ method: 'GET', url: `${base}/echo` }, { signal, timeoutMs: 2000 });
    expect(JSON.parse(echo.body).host).toBe(`127.0.0.1:${port()}`);
  });

  test('timeout → ToolError naming the request and the address; abort → AbortedError', async () => {
    const err = await http
      .request({ method: 'GET', url: 'http://alice.lb.invalid/slow', connectTo: `127.0.0.1:${port()}` }, { signal, timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toBe(`GET http://alice.lb.invalid/slow (via 127.0.0.1:${port()}) timed out after 150ms`);
    const controller = new AbortController();
    const pending = http.request({ method: 'GET', url: `${base}/slow` }, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
