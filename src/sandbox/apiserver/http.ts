// Small HTTP helpers: bodies in, JSON and Status out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, errors } from './errors.js';
import { PROTOBUF, decodeProtobufObject } from './protobuf.js';
import type { Json } from './types.js';

const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'BadRequest', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, or YAML for apply patches (YAML is a superset of JSON). */
export function parseBody(text: string, allowYaml: boolean): Json {
  if (text.trim() === '') throw errors.badRequest('the request body is empty');
  try {
    return allowYaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(`error decoding ${allowYaml ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const api = err instanceof ApiError ? err : errors.internal((err as Error)?.message ?? String(err));
  const headers: Record<string, string> = {};
  if (api.details?.retryAfterSeconds !== undefined) headers['Retry-After'] = String(api.details.retryAfterSeconds);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, api.code, api.toStatus(), headers);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

const OBJECT_BODY_TYPES = ['application/json', 'application/yaml', PROTOBUF];

/**
 * Reads a POST/PUT body: JSON, YAML, or protobuf for the kinds `protobuf.ts` knows (client-go's
 * typed clients — kubectl create secret/configmap — send nothing else). Anything else gets 415.
 */
export async function readObjectBody(req: IncomingMessage): Promise<Json> {
  const type = mediaType(req);
  const raw = await readRawBody(req);
  if (type === PROTOBUF) return decodeProtobufObject(raw);
  if (type !== '' && !OBJECT_BODY_TYPES.includes(type)) throw errors.unsupportedBodyType(type, OBJECT_BODY_TYPES);
  return parseBody(raw.toString('utf8'), type === 'application/yaml');
}
