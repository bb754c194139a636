// Defensive redaction at the output boundary: whatever a step or tool prints, the secrets lifesub
// knows of at that moment (generated credentials, the registry password) are masked before display.
import type { Facts } from '../graph/step.js';

export function knownSecrets(facts: Facts): string[] {
  const out: string[] = [];
  const c = facts.credentials;
  if (c) out.push(c.postgresPassword, c.replicationPassword, c.jwtSecret, ...Object.values(c.userPasswords));
  if (facts.registryPassword) out.push(facts.registryPassword);
  return out.filter((s) => s.length >= 4);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (!out.includes(s)) continue;
    out = out.split(s).join('***');
  }
  return out;
}
