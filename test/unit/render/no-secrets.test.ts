// Nothing bundled with lifesub may hold a password or key: the lab committed `Passw0rd` and a JWT key
// in plain text; ours are generated per ID and kept only in the cluster.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundledPath } from '../../../src/config/package-root.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = [...filesUnder(bundledPath('templates')), ...filesUnder(bundledPath('config'))];
// A key that names a secret, followed by a literal value that is not a placeholder, a key name or empty.
const SECRET_ASSIGNMENT = /(password|passwd|secret|token|jwt[_-]?key)[\w.-]*["']?\s*[:=]\s*["']?(?![$"'<]|\s*$|\d+["']?\s*$)([^\s#"']{6,})/i;
/** Long runs of base64/base64url characters mixing upper case, lower case and digits, like a key. */
function randomLookingTokens(text: string): string[] {
  return (text.match(/[A-Za-z0-9+/_=-]{32,}/g) ?? []).filter((t) => /[A-Z]/.test(t) && /[a-z]/.test(t) && /[0-9]/.test(t));
}
const KEY_NAME = /^[a-z0-9.-]+-(password|key)$|^(lifesub-credentials|postgres-password|replication-password)$/;

describe('bundled files hold no secrets', () => {
  test('there are templates and config files to check', () => {
    expect(files.some((f) => f.endsWith('postgresql.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('default.yaml'))).toBe(true);
  });

  test.each(files.map((f) => [f.slice(bundledPath().length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/Passw0rd/i);
    expect(randomLookingTokens(text)).toEqual([]);
    for (const line of text.split('\n')) {
      const m = SECRET_ASSIGNMENT.exec(line);
      if (m && !KEY_NAME.test(m[2]!)) expect.fail(`secret-looking value in ${file}: ${line.trim()}`);
    }
  });

  test('the scanner itself catches the lab password and a literal key', () => {
    expect(SECRET_ASSIGNMENT.exec('  password: Passw0rd')?.[2]).toBe('Passw0rd');
    expect(SECRET_ASSIGNMENT.exec('JWT_SECRET_KEY: 8O2HQ13etL2BWZvYOiWsJ5uWFoLU6cBH')).not.toBeNull();
    expect(SECRET_ASSIGNMENT.exec('  existingSecret: ${credentialsSecret}')).toBeNull();
    expect(SECRET_ASSIGNMENT.exec('  JWT_ACCESS_TOKEN_VALIDITY: "3600000"')).toBeNull();
    expect(KEY_NAME.test('mysub-password')).toBe(true);
    expect(randomLookingTokens('key: 8O2HQ13etL2BWZvYOiWsJ5uWFoLU6cBHxyz')).toHaveLength(1);
    expect(randomLookingTokens('file: deployment/container/Dockerfile-lifesub-web')).toEqual([]);
  });
});
