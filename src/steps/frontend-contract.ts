// Reads which base URLs the cloned lifesub-web expects (its API client's defaults), so the runtime
// URLs lifesub writes send every call to a route the Ingress maps. The parsing is pure
// (render/frontend-contract.ts); this step only reads the file. A configured frontend.apiBasePaths wins.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { need, type Step } from '../graph/step.js';
import { configuredApiBasePaths, parseApiBasePaths, type ApiBasePaths } from '../render/index.js';

export const frontendContractStep: Step = {
  name: 'frontend-contract',
  title: "Read the frontend's API URL convention",
  needs: ['repos'],
  readOnly: true,
  plan: (settings) => [
    settings.config.frontend.apiBasePaths
      ? 'use frontend.apiBasePaths from the configuration'
      : `read the default base URLs in lifesub-web/${settings.config.frontend.apiClient}`,
  ],
  async run(ctx) {
    const configured = configuredApiBasePaths(ctx.settings);
    if (configured) {
      ctx.facts.apiBasePaths = configured;
      return { skipped: `using frontend.apiBasePaths from the configuration (${describe(configured)})` };
    }
    const file = join(need(ctx.facts.repoDirs, 'repoDirs')['lifesub-web'], ctx.settings.config.frontend.apiClient);
    let source: string;
    try {
      source = await readFile(file, { encoding: 'utf8', signal: ctx.signal });
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      throw new UserError(
        `cannot read the frontend's API client ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}), so the URL convention is unknown`,
        'check the lifesub-web clone, or set frontend.apiBasePaths (or frontend.apiClient) in a --config file',
      );
    }
    const paths = parseApiBasePaths(ctx.settings, source, file);
    ctx.facts.apiBasePaths = paths;
    return { message: describe(paths) };
  },
};

function describe(paths: ApiBasePaths): string {
  return Object.entries(paths)
    .map(([service, path]) => `${service} base ends in '${path}'`)
    .join(', ');
}
