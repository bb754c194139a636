// Every object of walkthrough step 12, in the order the lab applies them: ingress, configmaps,
// secrets, backend deployments and services, frontend deployment and service. Per-service objects
// come from the services table in the configuration.
import type { KubeObject } from '../adapters/types.js';
import { imageRef, type Settings } from '../config/schema.js';
import type { RenderInputs } from './index.js';
import { renderAppSecrets } from './app-secrets.js';
import { INGRESS_ADDRESS_PLACEHOLDER, PULL_SECRET, WEB_ADDRESS_PLACEHOLDER, WEB_RUNTIME_CONFIGMAP } from './constants.js';
import { podLabels } from './labels.js';
import { renderObject, renderWebService } from './objects.js';
import { backendServices, backendUrls, frontendService } from './services.js';
import { renderTemplate, type TemplateValue } from './template.js';

export function renderManifests(inputs: RenderInputs): KubeObject[] {
  const { settings } = inputs;
  const ingressAddress = inputs.ingressAddress ?? INGRESS_ADDRESS_PLACEHOLDER;
  const webAddress = inputs.webAddress ?? WEB_ADDRESS_PLACEHOLDER;
  const image = (service: string): string => inputs.images?.[service] ?? imageRef(settings, service);
  const namespace = settings.namespace;
  const backends = backendServices(settings);
  const web = frontendService(settings);

  const ingress = renderObject(settings, 'ingress.yaml', {
    namespace,
    paths: backends.map((s) => renderTemplate('manifests/ingress-path.yaml', { service: s.name }) as TemplateValue),
  });

  const configMaps = [
    renderObject(settings, 'common-config.yaml', {
      namespace,
      allowedOrigins: [...settings.config.extraAllowedOrigins, `http://${webAddress}`].join(','),
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
      runtimeEnv: runtimeEnvScript(settings, ingressAddress),
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

  return [
    ingress,
    ...configMaps,
    ...renderAppSecrets(settings, inputs.credentials),
    ...backendObjects,
    workload('web-deployment.yaml', web, { runtimeConfigMap: WEB_RUNTIME_CONFIGMAP }),
    renderWebService(settings),
  ];
}

/** The frontend's runtime-env.js: the backend URLs the browser calls, as JSON-quoted strings. */
export function runtimeEnvScript(settings: Settings, ingressAddress: string): string {
  const fields = backendUrls(settings, ingressAddress).map(([stem, url]) => `${stem}_URL: ${JSON.stringify(url)}`);
  return `window.__runtime_config__ = { ${fields.join(', ')} };\n`;
}
