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
