// Single objects applied outside the step-12 manifest set: the namespace, the frontend's
// LoadBalancer Service (applied early to learn its address) and the image pull Secret.
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import type { PullSecretInput } from './index.js';
import { PULL_SECRET } from './constants.js';
import { toBase64 } from './credentials.js';
import { asKubeObject, labelled } from './labels.js';
import { frontendService } from './services.js';
import { renderTemplate, type TemplateValues } from './template.js';

/** Renders one manifest template into a labelled KubeObject. */
export function renderObject(settings: Settings, file: string, values: TemplateValues): KubeObject {
  return labelled(settings, asKubeObject(renderTemplate(`manifests/${file}`, values), file));
}

export function renderNamespace(settings: Settings): KubeObject {
  return renderObject(settings, 'namespace.yaml', { namespace: settings.namespace });
}

export function renderWebService(settings: Settings): KubeObject {
  const web = frontendService(settings);
  return renderObject(settings, 'web-service.yaml', { service: web.name, namespace: settings.namespace, port: web.port });
}

export function renderPullSecret(settings: Settings, input: PullSecretInput): KubeObject {
  const { loginServer, username, password } = input;
  const dockerConfig = {
    auths: { [loginServer]: { username, password, auth: toBase64(`${username}:${password}`) } },
  };
  return renderObject(settings, 'pull-secret.yaml', {
    name: PULL_SECRET,
    namespace: settings.namespace,
    dockerConfigJson: toBase64(JSON.stringify(dockerConfig)),
  });
}
