// Reads which base URLs the cloned lifesub-web expects (its API client's defaults), so the runtime
// URLs lifesub writes send every call to a route the Ingress maps. The parsing is pure
// (render/frontend-contract.ts); this step only reads the file. A configured frontend.apiBasePaths
// decides the URLs; what the code says is still recorded, so the smoke check calls the routes the way
// the frontend really will and a wrong override fails there instead of in the student's browser.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAbort, messageOf, UserError } from '../core/errors.js';
import { need, type StepDefinition, type StepContext } from '../graph/step.js';
import { configuredApiBasePaths, parseApiBasePaths, type ApiBasePaths } from '../render/index.js';

export const frontendContractStep: StepDefinition = {
  name: 'frontend-contract',
  title: "Read the frontend's API URL convention",
  reads: ['repoDirs'],
  writes: ['apiBasePaths', 'frontendBasePaths'],
  readOnly: true,
  plan: (settings) => [
    `read the default base URLs in lifesub-web/${settings.config.frontend.apiClient}` +
      (settings.config.frontend.apiBasePaths ? ' (the URLs follow frontend.apiBasePaths from the configuration)' : ''),
  ],
  async run(ctx) {
    const configured = configuredApiBasePaths(ctx.settings);
    let detected: ApiBasePaths | undefined;
    try {
      detected = await detect(ctx);
    } catch (err) {
      // With an override, an unreadable client is what the override is for.
      if (!configured || isAbort(err, ctx.signal)) throw err;
      ctx.log(`${messageOf(err)}; using frontend.apiBasePaths`);
    }
    ctx.facts.apiBasePaths = configured ?? detected;
    ctx.facts.frontendBasePaths = detected ?? configured;
    if (!configured) return { message: describe(detected!) };
    if (detected && describe(detected) !== describe(configured)) {
      ctx.log(`warning: frontend.apiBasePaths (${describe(configured)}) differs from what the frontend's code expects (${describe(detected)})`);
    }
    return { message: `frontend.apiBasePaths from the configuration: ${describe(configured)}` };
  },
};

async function detect(ctx: StepContext): Promise<ApiBasePaths> {
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
  return parseApiBasePaths(ctx.settings, source, file);
}

function describe(paths: ApiBasePaths): string {
  return Object.entries(paths)
    .map(([service, path]) => `${service} base ends in '${path}'`)
    .join(', ');
}
