import { describe, expect, test } from 'vitest';
import { redact } from '../../../src/adapters/redact.js';

describe('redact', () => {
  test('replaces each known secret and its base64 form', () => {
    const b64 = Buffer.from('Passw0rd').toString('base64');
    expect(redact(`pw Passw0rd, encoded ${b64}.`, ['Passw0rd'])).toBe('pw ***, encoded ***.');
  });

  test('replaces the longest secret first', () => {
    expect(redact('abc-extended', ['abc', 'abc-extended'])).toBe('***');
  });

  test('ignores empty secrets', () => {
    expect(redact('nothing to hide', [''])).toBe('nothing to hide');
  });

  test.each([
    ['password=hunter2 next', 'password=*** next'],
    ['db_password: hunter2', 'db_password: ***'],
    ['POSTGRES_PASSWORD=x&user=a', 'POSTGRES_PASSWORD=***&user=a'],
    ['{"password":"hu\\"nter2","user":"a"}', '{"password":"***","user":"a"}'],
    ['{"refresh_token": "eyJabc"}', '{"refresh_token": "***"}'],
    ['Authorization: Bearer eyJhbGciOi.x.y', 'Authorization: Bearer ***'],
    ['authorization=Basic dXNlcjpwdw==', 'authorization=Basic ***'],
    ['sent bearer abcdefgh12345', 'sent bearer ***'],
  ])('generic pattern: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test('leaves ordinary text and YAML keys without inline values alone', () => {
    const text = 'password:\n  secretKeyRef:\n    name: db\nBuilding member done';
    expect(redact(text)).toBe(text);
  });
});
