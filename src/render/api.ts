// CONTRACT STUB — the render helper replaces these bodies (keep the signatures).
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import type { Credentials } from '../graph/step.js';
import type { PullSecretInput, RenderInputs } from './index.js';

const todo = (): never => {
  throw new Error('not implemented');
};

/** `app.kubernetes.io/managed-by: lifesub`, `lifesub.io/id: <id>` (+ part-of). On every object lifesub creates. */
export function lifesubLabels(settings: Settings): Record<string, string> {
  return todo();
}
/** The student's namespace, labelled. */
export function renderNamespace(settings: Settings): KubeObject {
  return todo();
}
/** Secret `lifesub-credentials` holding the generated passwords and JWT key (keys documented in render/credentials). */
export function renderCredentialsSecret(settings: Settings, credentials: Credentials): KubeObject {
  return todo();
}
/** Reads Credentials back from that Secret (base64 `data` or `stringData`); undefined if keys are missing. */
export function credentialsFromSecret(settings: Settings, secret: KubeObject): Credentials | undefined {
  return todo();
}
/** New random credentials (crypto.randomBytes), for the first run of an ID. */
export function generateCredentials(settings: Settings): Credentials {
  return todo();
}
/** ingress-nginx values (walkthrough step 1), as YAML. */
export function renderIngressValues(settings: Settings): string {
  return todo();
}
/** bitnami/postgresql values for one backend service, as YAML; passwords come from existingSecret, never from values. */
export function renderPostgresValues(settings: Settings, service: string): string {
  return todo();
}
/** The frontend LoadBalancer Service `lifesub-web` (applied early to learn its address). */
export function renderWebService(settings: Settings): KubeObject {
  return todo();
}
/** dockerconfigjson Secret for pulling from the registry. */
export function renderPullSecret(settings: Settings, input: PullSecretInput): KubeObject {
  return todo();
}
/** Every manifest of walkthrough step 12 (+ runtime ConfigMap, credentials-backed secrets), in apply order. */
export function renderManifests(inputs: RenderInputs): KubeObject[] {
  return todo();
}
/** Checks objects the way the API server would (names, required fields, known keys); returns problems. */
export function validateObjects(objects: KubeObject[]): string[] {
  return todo();
}
/** Build args for one service's image (backend: BUILD_LIB_DIR, ARTIFACTORY_FILE; frontend: URLs, BUILD_FOLDER, …). */
export function buildArgs(settings: Settings, service: string, dockerfile: string, ingressAddress?: string): Record<string, string> {
  return todo();
}
