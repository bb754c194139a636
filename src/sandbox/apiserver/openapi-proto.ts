// Protobuf encoding of an OpenAPI v2 document in gnostic's `openapi.v2.Document` message (field numbers
// from google/gnostic openapiv2/OpenAPIv2.proto). client-go's discovery `OpenAPISchema()` asks for
// /openapi/v2 as `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and can only parse that:
// kubectl diff/apply and Helm's validator read the document through it.
import { stringify } from 'yaml';
import type { JsonSchema } from './schemas.js';

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** What kube-openapi answers with: the '@' of the Accept value is not a valid media type, clients' mime parsers refuse it. */
export const OPENAPI_V2_PROTOBUF_RESPONSE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

/** A length-delimited field (wire type 2): strings, bytes and embedded messages. */
function field(no: number, body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([varint((no << 3) | 2), varint(b.length), b]);
}

const cat = (parts: Buffer[]): Buffer => Buffer.concat(parts);

/** NamedAny{name, value: Any{yaml}}: how vendor extensions (x-…) travel. */
function vendorExtension(no: number, name: string, value: unknown): Buffer {
  return field(no, cat([field(1, name), field(2, field(2, stringify(value)))]));
}

function schema(s: JsonSchema): Buffer {
  const parts: Buffer[] = [];
  if (typeof s.$ref === 'string') parts.push(field(1, s.$ref));
  if (typeof s.format === 'string') parts.push(field(2, s.format));
  if (typeof s.description === 'string' && s.description) parts.push(field(4, s.description));
  for (const r of (s.required as string[] | undefined) ?? []) parts.push(field(19, r));
  if (s.additionalProperties && typeof s.additionalProperties === 'object') parts.push(field(21, field(1, schema(s.additionalProperties as JsonSchema))));
  if (typeof s.type === 'string') parts.push(field(22, field(1, s.type)));
  if (s.items) parts.push(field(23, field(1, schema(s.items as JsonSchema))));
  if (s.properties) {
    const named = Object.entries(s.properties as Record<string, JsonSchema>).map(([k, v]) => field(1, cat([field(1, k), field(2, schema(v))])));
    parts.push(field(25, cat(named)));
  }
  for (const [k, v] of Object.entries(s)) if (k.startsWith('x-')) parts.push(vendorExtension(31, k, v));
  return cat(parts);
}

/** Encodes `{swagger, info, definitions}` (paths are not encoded: no client here reads them from v2). */
export function encodeOpenApiV2(doc: { swagger: string; info: { title: string; version: string }; definitions: Record<string, JsonSchema> }): Buffer {
  const defs = Object.entries(doc.definitions).map(([k, v]) => field(1, cat([field(1, k), field(2, schema(v))])));
  return cat([field(1, doc.swagger), field(2, cat([field(1, doc.info.title), field(2, doc.info.version)])), field(8, Buffer.alloc(0)), field(9, cat(defs))]);
}
