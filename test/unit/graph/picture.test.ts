import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphMarkdown } from '../../../src/graph/picture.js';
import { testSettings } from '../../fakes/context.js';

describe('docs/graph.md', () => {
  it('is what the graph files generate (run `npm run graph` after changing an edge or a declaration)', () => {
    const committed = readFileSync(new URL('../../../docs/graph.md', import.meta.url), 'utf8');
    expect(committed).toBe(graphMarkdown(testSettings()));
  });

  it('shows every edge and every declared fact', () => {
    const md = graphMarkdown(testSettings());
    expect(md).toContain('  chart_repos --> database_member');
    expect(md).toContain('  namespace --> pull_secret');
    expect(md).toContain('| `push:member` | `image:member`, `docker-login` | ');
    expect(md).toContain('`images.member`');
  });
});
