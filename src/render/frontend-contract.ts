// The frontend's URL contract, read from lifesub-web's API client (src/services/api.js). Each base URL
// is declared as `const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';`
// (earlier `process.env.REACT_APP_MEMBER_URL || …`). The default points straight at the backend, so the
// default's path is what the runtime URL must end with: everything the app appends to its base, put
// after that path, is the backend's real route. Facts (lifesub-web history, `git log src/services/api.js`):
//   2025-02-13 … 2025-04-05: defaults `http://localhost:8081` → suffix '' (calls post('/api/auth/login'))
//   since 2025-04-06:        defaults `http://localhost:8081/api/auth` → suffix '/api/auth' (calls post('/login'))
import { UserError } from '../core/errors.js';
import type { Settings } from '../config/schema.js';
import { backendServices, envStem } from './services.js';

/** Backend service name → the path its runtime base URL must end with ('' or a leading part of its apiPath). */
export type ApiBasePaths = Record<string, string>;

const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm;

/**
 * Reads the base-path convention from the API client's source text. `file` names it in errors.
 * Throws UserError when a backend's base URL declaration is missing, its default is not a URL, or
 * its path is not '' or a leading part of the service's apiPath (the frontend would call routes no
 * Ingress path maps); the hint names the `frontend.apiBasePaths` override.
 */
export function parseApiBasePaths(settings: Settings, source: string, file: string): ApiBasePaths {
  const code = source.replace(COMMENTS, '$1');
  const out: ApiBasePaths = {};
  const problems: string[] = [];
  for (const s of backendServices(settings)) {
    const stem = envStem(s.name);
    const declaration = new RegExp(
      `\\b${stem}_URL\\s*=\\s*(?:window\\.__runtime_config__(?:\\?)?\\.${stem}_URL|process\\.env\\.REACT_APP_${stem}_URL)\\s*\\|\\|\\s*(['"\`])([^'"\`]*)\\1`,
    ).exec(code);
    if (!declaration) {
      problems.push(`no \`${stem}_URL = window.__runtime_config__.${stem}_URL || '<default URL>'\``);
      continue;
    }
    const fallback = declaration[2]!;
    let path: string;
    try {
      path = new URL(fallback).pathname.replace(/\/+$/, '');
    } catch {
      problems.push(`the default of ${stem}_URL, '${fallback}', is not a URL`);
      continue;
    }
    if (!isLeadingPath(path, s.apiPath)) {
      problems.push(`the default of ${stem}_URL ends in '${path}', which is neither '' nor a leading part of ${s.name}'s API path ${s.apiPath}`);
      continue;
    }
    out[s.name] = path;
  }
  if (problems.length > 0) throw unknownConvention(settings, file, problems);
  return out;
}

/**
 * The configured override, checked like a detected convention; undefined when none is configured.
 * Throws UserError naming the config key when an entry is missing or does not fit the apiPath.
 */
export function configuredApiBasePaths(settings: Settings): ApiBasePaths | undefined {
  const override = settings.config.frontend.apiBasePaths;
  if (!override) return undefined;
  const problems: string[] = [];
  const names = new Set(backendServices(settings).map((s) => s.name));
  for (const key of Object.keys(override)) if (!names.has(key)) problems.push(`'${key}' is not a backend service`);
  for (const s of backendServices(settings)) {
    const path = override[s.name];
    if (path === undefined) problems.push(`no entry for ${s.name}`);
    else if (!isLeadingPath(path, s.apiPath)) problems.push(`${s.name}: '${path}' is neither '' nor a leading part of ${s.apiPath}`);
  }
  if (problems.length > 0) {
    throw new UserError(
      `frontend.apiBasePaths in the configuration does not fit the services: ${problems.join('; ')}`,
      `give every backend '' or its API path, e.g. { ${backendServices(settings)
        .map((s) => `${s.name}: ${s.apiPath}`)
        .join(', ')} }`,
    );
  }
  return override;
}

/** `/api` and `/api/auth` lead `/api/auth`; `/ap` does not (whole path segments only). */
export function isLeadingPath(prefix: string, path: string): boolean {
  return prefix === '' || prefix === path || path.startsWith(`${prefix}/`);
}

/**
 * What the frontend appends to its base URL to reach `route` (a path under the service's apiPath):
 * the backend path without the part the base already ends with.
 */
export function frontendCallPath(apiPath: string, basePath: string, route: string): string {
  return `${apiPath.slice(basePath.length)}${route}`;
}

function unknownConvention(settings: Settings, file: string, problems: string[]): UserError {
  const example = backendServices(settings)
    .map((s) => `${s.name}: ${s.apiPath}`)
    .join(', ');
  return new UserError(
    `cannot tell which base URLs the frontend expects from ${file}: ${problems.join('; ')}. ` +
      `Expected lines like \`const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';\` whose default URL's path is '' or the API path`,
    `set frontend.apiBasePaths in a --config file to the path each base URL must end with, e.g. { ${example} } (today's lifesub-web) or '' for each (before 2025-04-06)`,
  );
}
