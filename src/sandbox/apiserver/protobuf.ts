// Decoding of Kubernetes protobuf request bodies for the few kinds kubectl sends that way.
// Since client-go 1.31 the generated clientsets (what `kubectl create namespace|secret|configmap|serviceaccount`
// use) always send `application/vnd.kubernetes.protobuf` and do not fall back to JSON on 415, so a
// JSON-only server breaks those commands. The envelope is the magic `k8s\0` followed by a
// runtime.Unknown {typeMeta{apiVersion, kind}, raw, contentEncoding, contentType}; `raw` is the object
// in the field numbering of k8s.io/api's generated.proto. Only the fields clients set on create or
// update are decoded; server-owned ones (timestamps, managedFields) are skipped.
import { ApiError, errors } from './errors.js';
import type { Json } from './types.js';

type FieldType = 'string' | 'bool' | 'int' | 'stringMap' | 'bytesMap' | 'strings' | Schema | { repeated: Schema };
interface Schema {
  [fieldNumber: number]: [name: string, type: FieldType];
}

const ownerReference: Schema = {
  1: ['kind', 'string'],
  3: ['name', 'string'],
  4: ['uid', 'string'],
  5: ['apiVersion', 'string'],
  6: ['controller', 'bool'],
  7: ['blockOwnerDeletion', 'bool'],
};
const objectMeta: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  5: ['uid', 'string'],
  6: ['resourceVersion', 'string'],
  11: ['labels', 'stringMap'],
  12: ['annotations', 'stringMap'],
  13: ['ownerReferences', { repeated: ownerReference }],
  14: ['finalizers', 'strings'],
};
const localObjectReference: Schema = { 1: ['name', 'string'] };
const objectReference: Schema = { 1: ['kind', 'string'], 2: ['namespace', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'], 5: ['apiVersion', 'string'] };

/** Schemas by "apiVersion/kind". */
const KINDS: Record<string, Schema> = {
  'v1/Namespace': { 1: ['metadata', objectMeta], 2: ['spec', { 1: ['finalizers', 'strings'] }] },
  'v1/Secret': { 1: ['metadata', objectMeta], 2: ['data', 'bytesMap'], 3: ['type', 'string'], 4: ['stringData', 'stringMap'], 5: ['immutable', 'bool'] },
  'v1/ConfigMap': { 1: ['metadata', objectMeta], 2: ['data', 'stringMap'], 3: ['binaryData', 'bytesMap'], 4: ['immutable', 'bool'] },
  'v1/ServiceAccount': {
    1: ['metadata', objectMeta],
    2: ['secrets', { repeated: objectReference }],
    3: ['imagePullSecrets', { repeated: localObjectReference }],
    4: ['automountServiceAccountToken', 'bool'],
  },
};

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }
  bytes(): Buffer {
    const n = this.varint();
    if (this.pos + n > this.buf.length) throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Reads every field of a message as [number, wireType, value] (value: number or bytes). */
function fields(buf: Buffer): Array<[number, number, number | Buffer]> {
  const r = new Reader(buf);
  const out: Array<[number, number, number | Buffer]> = [];
  while (!r.done) {
    const tag = r.varint();
    const num = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) out.push([num, wire, r.varint()]);
    else if (wire === 2) out.push([num, wire, r.bytes()]);
    else r.skip(wire);
  }
  return out;
}

function mapEntry(buf: Buffer): [string, Buffer] {
  let key = '';
  let value: Buffer = Buffer.alloc(0);
  for (const [n, , v] of fields(buf)) {
    if (n === 1 && Buffer.isBuffer(v)) key = v.toString('utf8');
    if (n === 2 && Buffer.isBuffer(v)) value = v;
  }
  return [key, value];
}

/** Decodes a message; empty strings and zero values are dropped, as Go's JSON `omitempty` would. */
function decodeMessage(buf: Buffer, schema: Schema): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [num, , value] of fields(buf)) {
    const field = schema[num];
    if (!field) continue;
    const [name, type] = field;
    const bytes = Buffer.isBuffer(value) ? value : undefined;
    if (type === 'string') {
      if (bytes && bytes.length > 0) out[name] = bytes.toString('utf8');
    } else if (type === 'bool') out[name] = value === 1;
    else if (type === 'int') {
      if (typeof value === 'number' && value !== 0) out[name] = value;
    } else if (type === 'strings') {
      if (bytes) (out[name] ??= []).push(bytes.toString('utf8'));
    } else if (type === 'stringMap' || type === 'bytesMap') {
      if (!bytes) continue;
      const [k, v] = mapEntry(bytes);
      (out[name] ??= {})[k] = type === 'stringMap' ? v.toString('utf8') : v.toString('base64');
    } else if ('repeated' in type) {
      if (bytes) (out[name] ??= []).push(decodeMessage(bytes, type.repeated));
    } else if (bytes) {
      const nested = decodeMessage(bytes, type);
      if (Object.keys(nested).length > 0) out[name] = nested;
    }
  }
  return out;
}

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** The JSON form of a protobuf-encoded object, or 415 when its kind is not one this server decodes. */
export function decodeProtobufObject(body: Buffer): Json {
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw errors.badRequest('error decoding protobuf: the body does not start with the Kubernetes protobuf prefix');
  }
  let apiVersion = '';
  let kind = '';
  let raw: Buffer | undefined;
  try {
    for (const [n, , v] of fields(body.subarray(MAGIC.length))) {
      if (n === 1 && Buffer.isBuffer(v)) {
        const meta = decodeMessage(v, { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] });
        apiVersion = meta.apiVersion ?? '';
        kind = meta.kind ?? '';
      } else if (n === 2 && Buffer.isBuffer(v)) raw = v;
    }
    const schema = KINDS[`${apiVersion}/${kind}`];
    if (!schema || !raw) throw errors.unsupportedBodyType(`${PROTOBUF} (${apiVersion || '?'}/${kind || '?'})`, ['application/json', 'application/yaml']);
    return { apiVersion, kind, ...decodeMessage(raw, schema) };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw errors.badRequest(`error decoding protobuf: ${(e as Error).message}`);
  }
}
