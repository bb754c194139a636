// Helm values files, as YAML text for `helm upgrade -i -f -` (stdin).
import { stringify } from 'yaml';
import type { Settings } from '../config/schema.js';
import { CREDENTIALS_SECRET } from './constants.js';
import { userPasswordKey } from './credentials.js';
import { findBackend } from './services.js';
import { renderTemplate } from './template.js';

/** YAML 1.1 output: Helm (and kubectl) read 1.1, where an unquoted `yes`/`on` would become a boolean. */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0 });
}

/** ingress-nginx values: walkthrough step 1, plus `lifesub.io/installed-by: lifesub`. */
export function renderIngressValues(_settings: Settings): string {
  return toYaml(renderTemplate('values/ingress-nginx.yaml', {}));
}

/** bitnami/postgresql values for one backend's database; passwords come from `lifesub-credentials`. */
export function renderPostgresValues(settings: Settings, service: string): string {
  const backend = findBackend(settings, service);
  const pg = settings.config.postgres;
  return toYaml(
    renderTemplate('values/postgresql.yaml', {
      id: settings.id,
      username: pg.username,
      database: backend.database,
      credentialsSecret: CREDENTIALS_SECRET,
      userPasswordKey: userPasswordKey(backend.database),
      storageClass: pg.storageClass,
      size: pg.size,
      imageRepository: pg.imageRepository,
    }),
  );
}
