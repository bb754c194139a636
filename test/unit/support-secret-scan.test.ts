// The e2e secret scan (test/support/secret-scan.ts) must be able to fail: a planted secret is found in a
// capture, in a file and in the tools' argv log, by name and place, and the simulator's own stores are not scanned.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { scanHome, secretsOfHome } from '../support/secret-scan.js';

let home: string;
const DB_PASSWORD = 'pl4nted-db-password-XYZ';
const REGISTRY_PASSWORD = 'pl4ntedRegistryPassword0123456789';

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'lifesub-scan-'));
  const dir = join(home, 'sandbox');
  mkdirSync(join(dir, 'docker'), { recursive: true });
  const secret = {
    kind: 'Secret',
    metadata: { name: 'lifesub-credentials', namespace: 'alice-lifesub-ns' },
    data: { 'member-password': Buffer.from(DB_PASSWORD).toString('base64'), short: Buffer.from('abc').toString('base64') },
  };
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ objects: { secrets: [secret] } }));
  writeFileSync(join(dir, 'registry.json'), JSON.stringify({ registries: { alicecr: { passwords: [REGISTRY_PASSWORD, 'another-long-password'] } } }));
  // docker's own credential store holds the registry password, as the real one does: not lifesub's output.
  writeFileSync(join(dir, 'docker', 'config.json'), JSON.stringify({ auths: { x: { auth: Buffer.from(`u:${REGISTRY_PASSWORD}`).toString('base64') } } }));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

test('reads the secrets in play from the sandbox stores (short values are ignored)', () => {
  expect(secretsOfHome(home).map((s) => s.name)).toEqual([
    'Secret alice-lifesub-ns/lifesub-credentials key member-password',
    'registry alicecr password1',
    'registry alicecr password2',
  ]);
});

test('a clean home and clean captures pass', () => {
  writeFileSync(join(home, 'run.log'), 'nothing to see\n');
  expect(scanHome(home, [{ where: 'stdout of lifesub up', text: '{"type":"summary"}' }])).toEqual([]);
});

test('a planted secret is found in a capture, a file (plain or base64) and the argv log', () => {
  mkdirSync(join(home, 'sandbox', 'workspace'), { recursive: true });
  writeFileSync(join(home, 'sandbox', 'workspace', 'leak.yaml'), `password: ${Buffer.from(DB_PASSWORD).toString('base64')}\n`);
  writeFileSync(join(home, 'sandbox', 'argv.ndjson'), `${JSON.stringify({ tool: 'docker', argv: ['login', '-p', REGISTRY_PASSWORD] })}\n`);
  const hits = scanHome(home, [{ where: 'stderr of lifesub up', text: `error: bad password ${DB_PASSWORD}` }]);
  expect(hits).toEqual([
    { where: 'stderr of lifesub up', secret: 'Secret alice-lifesub-ns/lifesub-credentials key member-password' },
    { where: 'file sandbox/argv.ndjson', secret: 'registry alicecr password1' },
    { where: 'file sandbox/workspace/leak.yaml', secret: 'Secret alice-lifesub-ns/lifesub-credentials key member-password' },
  ]);
});
