// The sandbox's two bearer tokens (API server, fake ARM), generated once and kept in the sandbox
// directory so a served sandbox and the CLI processes that attach to it agree on them.
import { randomBytes } from 'node:crypto';
import { readJson, writeJsonAtomic } from './json-file.js';

export interface SandboxTokens {
  apiToken: string;
  armToken: string;
}

export function loadOrCreateTokens(file: string): SandboxTokens {
  const existing = readJson(file) as Partial<SandboxTokens> | undefined;
  if (existing?.apiToken && existing.armToken) return { apiToken: existing.apiToken, armToken: existing.armToken };
  const tokens = { apiToken: randomBytes(24).toString('base64url'), armToken: randomBytes(24).toString('base64url') };
  writeJsonAtomic(file, tokens, 0o600);
  return tokens;
}
