// Public surface of rendering: pure functions from settings and facts to Kubernetes objects and Helm
// values. No I/O besides reading the bundled templates/ (cached). (Contract — implemented by render/*.)
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import type { Credentials } from '../graph/step.js';
import type { ApiBasePaths } from './frontend-contract.js';

export interface RenderInputs {
  settings: Settings;
  /** Absent (e.g. `lifesub render`): Secrets are rendered with a placeholder instead of values. */
  credentials?: Credentials;
  /** host[:port] of the ingress controller's LoadBalancer; absent → placeholder "<ingress-address>". */
  ingressAddress?: string;
  /** host[:port] of the frontend's LoadBalancer; absent → placeholder "<web-address>". */
  webAddress?: string;
  /**
   * The frontend's URL convention (backend → path its base URL ends with), read from lifesub-web;
   * absent → frontend.apiBasePaths from the configuration, else today's lab (each service's apiPath).
   */
  apiBasePaths?: ApiBasePaths;
  /** service → image reference; absent entries default to imageRef(settings, service). */
  images?: Record<string, string>;
}

export interface PullSecretInput {
  loginServer: string;
  username: string;
  password: string;
}

export {
  CREDENTIALS_SECRET,
  PULL_SECRET,
  WEB_RUNTIME_CONFIGMAP,
  SECRET_PLACEHOLDER,
  INGRESS_ADDRESS_PLACEHOLDER,
  WEB_ADDRESS_PLACEHOLDER,
} from './constants.js';

export * from './api.js';
