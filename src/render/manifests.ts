// Every object of walkthrough step 12, in the order the lab applies them: ingress, configmaps,
// secrets, backend deployments and services, frontend deployment and service. Per-service objects
// come from the services table in the configuration.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../adapters/types.js';
import { imageRef, type Settings } from '../config/schema.js';
import type { RenderInputs } from './index.js';
import { renderAppSecrets } from './app-secrets.js';
import { INGRESS_ADDRESS_PLACEHOLDER, PULL_SECRET, WEB_ADDRESS_PLACEHOLDER, WEB_RUNTIME_CONFIGMAP } from './constants.js';
import { podLabels } from './labels.js';
import { renderObject, renderWebService } from './objects.js';
import type { ApiBasePaths } from './frontend-contract.js';
import { defaultApiBasePaths, frontendUrls, ingressPath, studentRoutes } from './routes.js';
import { backendServices, frontendService } from './services.js';
import { renderTemplate, type TemplateValue } from './template.js';

export function renderManifests(inputs: RenderInputs): KubeObject[] {
  const { settings } = inputs;
  const ingressAddress = inputs.ingressAddress ?? INGRESS_ADDRESS_PLACEHOLDER;
  const webAddress = inputs.webAddress ?? WEB_ADDRESS_PLACEHOLDER;
  const image = (service: string): string => inputs.images?.[service] ?? imageRef(settings, service);
  const namespace = settings.namespace;
  const backends = backendServices(settings);
  const web = frontendService(settings);

  const routes = studentRoutes(settings, ingressAddress);
  const basePaths = inputs.apiBasePaths ?? defaultApiBasePaths(settings);
  const paths = backends.map((s) => renderTemplate('manifests/ingress-path.yaml', { service: s.name, ...ingressPath(settings, s.apiPath) }) as TemplateValue);
  const ingress =
    routes.host !== undefined
      ? renderObject(settings, 'ingress.yaml', { namespace, host: routes.host, paths })
      : renderObject(settings, 'ingress-id-prefix.yaml', { namespace, paths });

  const configMaps = [
    renderObject(settings, 'common-config.yaml', {
      namespace,
      allowedOrigins: allowedOrigins(settings, webAddress),
    }),
    ...backends.map((s) =>
      renderObject(settings, 'backend-configmap.yaml', {
        service: s.name,
        namespace,
        port: String(s.port),
        database: s.database,
      }),
    ),
    renderObject(settings, 'web-runtime-configmap.yaml', {
      name: WEB_RUNTIME_CONFIGMAP,
      namespace,
      runtimeEnv: runtimeEnvScript(frontendUrls(settings, routes, basePaths)),
    }),
  ];

  const workload = (file: string, s: { name: string; port: number }, extra: Record<string, TemplateValue> = {}): KubeObject =>
    renderObject(settings, file, {
      service: s.name,
      namespace,
      image: image(s.name),
      port: s.port,
      podLabels: podLabels(settings, s.name),
      pullSecret: PULL_SECRET,
      ...extra,
    });
  const backendObjects = [
    ...backends.map((s) => workload('backend-deployment.yaml', s)),
    ...backends.map((s) => renderObject(settings, 'backend-service.yaml', { service: s.name, namespace, port: s.port })),
  ];

  const secrets = renderAppSecrets(settings, inputs.credentials);
  const webObjects = [workload('web-deployment.yaml', web, { runtimeConfigMap: WEB_RUNTIME_CONFIGMAP }), renderWebService(settings)];
  const configHash = hashOf([...configMaps, ...secrets]);
  for (const o of [...backendObjects, ...webObjects]) if (o.kind === 'Deployment') annotatePodTemplate(o, CONFIG_HASH_ANNOTATION, configHash);
  return [ingress, ...configMaps, ...secrets, ...backendObjects, ...webObjects];
}

/**
 * Pods read their configuration once, at start (envFrom, a subPath mount), so a changed ConfigMap or
 * Secret alone never reaches them. A hash of all of it on the pod template makes a change roll the
 * Deployments, and leaves them untouched when nothing changed. A hash reveals no secret value.
 */
export const CONFIG_HASH_ANNOTATION = 'lifesub.io/config-hash';

function hashOf(objects: KubeObject[]): string {
  const h = createHash('sha256');
  for (const o of objects) h.update(JSON.stringify([o.kind, o.metadata.name, o.data ?? null, o.stringData ?? null]));
  return h.digest('hex').slice(0, 16);
}

function annotatePodTemplate(deployment: KubeObject, key: string, value: string): void {
  const template = (deployment.spec as { template: { metadata?: { annotations?: Record<string, string> } } }).template;
  template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [key]: value } };
}

/** The frontend's runtime-env.js: the backend URLs the browser calls, as JSON-quoted strings. */
export function runtimeEnvScript(urls: Array<[stem: string, url: string]>): string {
  const fields = urls.map(([stem, url]) => `${stem}_URL: ${JSON.stringify(url)}`);
  return `window.__runtime_config__ = { ${fields.join(', ')} };\n`;
}

/**
 * ALLOWED_ORIGINS (comma-separated, the backends do not trim): the page's origin `http://<web-address>`,
 * which is what a browser sends as Origin when the frontend calls the API, plus the configured extras.
 */
export function allowedOrigins(settings: Settings, webAddress: string): string {
  return [...settings.config.extraAllowedOrigins, `http://${webAddress}`].map((o) => o.trim()).join(',');
}
