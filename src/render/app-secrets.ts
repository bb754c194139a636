// The lab's application Secrets (`common-secret`, `<service>-secret`), filled from the generated
// credentials. With credentials: base64 `data`, like the API server stores it. Without (e.g.
// `lifesub render`): readable `stringData` in which every secret value is SECRET_PLACEHOLDER, while
// non-secret settings (user name, token lifetimes) stay visible.
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import type { Credentials } from '../graph/step.js';
import { SECRET_PLACEHOLDER } from './constants.js';
import { toBase64 } from './credentials.js';
import { renderObject } from './objects.js';
import { backendServices, type BackendService } from './services.js';
import { readTemplateData } from './template.js';

export function renderAppSecrets(settings: Settings, credentials: Credentials | undefined): KubeObject[] {
  const encode = (data: Record<string, string>): Record<string, string> =>
    credentials ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toBase64(v)])) : data;
  const dataKey = credentials ? 'data' : 'stringData';
  const secret = (value: string | undefined, what: string): string => {
    if (!credentials) return SECRET_PLACEHOLDER;
    if (value === undefined) throw new Error(`internal: credentials have no ${what}`);
    return value;
  };

  const common = renderObject(settings, 'common-secret.yaml', {
    namespace: settings.namespace,
    dataKey,
    jwtSecret: encode({ v: secret(credentials?.jwtSecret, 'JWT key') }).v!,
  });
  const perService = backendServices(settings).map((s) =>
    renderObject(settings, 'backend-secret.yaml', {
      service: s.name,
      namespace: settings.namespace,
      dataKey,
      data: encode({
        POSTGRES_USER: settings.config.postgres.username,
        POSTGRES_PASSWORD: secret(credentials?.userPasswords[s.database], `password for database '${s.database}'`),
        ...secretExtras(s),
      }),
    }),
  );
  return [common, ...perService];
}

/** Non-secret settings the lab keeps in a service's Secret (templates/manifests/secret-extras.yaml). */
function secretExtras(service: BackendService): Record<string, string> {
  const all = readTemplateData('manifests/secret-extras.yaml') as Record<string, Record<string, unknown>> | null;
  const extras = all?.[service.name] ?? {};
  return Object.fromEntries(Object.entries(extras).map(([k, v]) => [k, String(v)]));
}
