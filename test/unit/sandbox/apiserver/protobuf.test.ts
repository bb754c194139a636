// Protobuf request bodies: the exact bytes kubectl 1.33 sends for `kubectl create secret generic x
// --from-literal=a=b --from-literal=c=dd -n ns1` (captured with -v=8), and the kinds it cannot decode.
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../../src/sandbox/apiserver/errors.js';
import { decodeProtobufObject } from '../../../../src/sandbox/apiserver/protobuf.js';

const SECRET = Buffer.from(
  [
    '6b 38 73 00 0a 0c 0a 02 76 31 12 06 53 65 63 72',
    '65 74 12 29 0a 14 0a 01 78 12 00 1a 03 6e 73 31',
    '22 00 2a 00 32 00 38 00 42 00 12 06 0a 01 61 12',
    '01 62 12 07 0a 01 63 12 02 64 64 1a 00 1a 00 22',
    '00',
  ]
    .join('')
    .replace(/ /g, ''),
  'hex',
);

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('decodeProtobufObject', () => {
  test('decodes a Secret as JSON: bytes become base64, empty strings are left out', () => {
    expect(decodeProtobufObject(SECRET)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'x', namespace: 'ns1' },
      data: { a: Buffer.from('b').toString('base64'), c: Buffer.from('dd').toString('base64') },
    });
  });

  test('a kind it has no schema for is 415, a body without the k8s prefix is 400', () => {
    // Just the envelope's typeMeta: apiVersion apps/v1, kind Deployment.
    const deployment = Buffer.from('6b3873000a150a07617070732f7631120a4465706c6f796d656e74', 'hex');
    const unsupported = apiError(() => decodeProtobufObject(deployment));
    expect(unsupported.code).toBe(415);
    expect(unsupported.message).toMatch(/apps\/v1\/Deployment/);
    expect(apiError(() => decodeProtobufObject(Buffer.from('{"kind":"Secret"}'))).code).toBe(400);
    expect(apiError(() => decodeProtobufObject(SECRET.subarray(0, 30))).code).toBe(400);
  });
});
