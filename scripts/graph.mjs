// Writes docs/graph.md, the picture of the `up` and `down` step graphs, from the built graph files
// (run through `npm run graph`, which builds first). The picture shows the default configuration.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../dist/config/load.js';
import { graphMarkdown } from '../dist/graph/picture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig();
const id = 'student';
const registryName = `${id}${config.registrySuffix}`;
const settings = {
  id,
  namespace: `${id}${config.namespaceSuffix}`,
  registryName,
  loginServer: `${registryName}.${config.registry.domain}`,
  workspace: join(root, 'workspace'),
  config,
  yes: true,
  verbose: false,
  output: 'text',
};
const file = join(root, 'docs', 'graph.md');
writeFileSync(file, graphMarkdown(settings));
console.log(`wrote ${file}`);
