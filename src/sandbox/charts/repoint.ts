// The sandbox's helm keeps `helm repo add` entries in <sandbox>/helm/config/repositories.yaml. When
// the chart repository had to move to another port (the old one was taken), those entries would
// point at nothing and lifesub (rightly) refuses to re-point a repository entry; as the file is the
// sandbox's own, the sandbox moves its entries along with its server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Rewrites `url: http://127.0.0.1:<port>/…` entries to `base`; leaves anything else alone. */
export function repointSandboxRepositories(repositoryConfig: string, base: string): void {
  if (!existsSync(repositoryConfig)) return;
  const text = readFileSync(repositoryConfig, 'utf8');
  const moved = text.replace(/(url:\s*)http:\/\/127\.0\.0\.1:\d+(?=\/)/g, `$1${base}`);
  if (moved !== text) writeFileSync(repositoryConfig, moved, { mode: 0o600 });
}
