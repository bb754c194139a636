// `docker build --build-arg` values for one service's image (walkthrough steps 7 and 8).
import { posix } from 'node:path';
import type { Settings } from '../config/schema.js';
import { INGRESS_ADDRESS_PLACEHOLDER } from './constants.js';
import { backendUrls, findService } from './services.js';

/**
 * Backend: where the jar is, relative to the repository root. Frontend: the backend URLs baked into
 * the bundle's default runtime-env.js, and BUILD_FOLDER = the Dockerfile's directory, where nginx.conf
 * sits beside it in both repository layouts (deployment/ and deployment/container/).
 *
 * `up` passes no address: the app reads its URLs at run time from runtime-env.js, which lifesub mounts
 * from a ConfigMap over the baked-in file (walkthrough, "runtime-env.js"), so the image keeps the
 * placeholders. That makes the frontend image independent of the ingress address: it builds while the
 * LoadBalancer is still pending, and its content tag (src/steps/build-inputs.ts) stays the same on a
 * cluster whose address changed.
 */
export function buildArgs(settings: Settings, service: string, dockerfile: string, ingressAddress?: string): Record<string, string> {
  const s = findService(settings, service);
  if (s.kind === 'backend') {
    const jar = s.jar ?? '';
    return { BUILD_LIB_DIR: posix.dirname(jar), ARTIFACTORY_FILE: posix.basename(jar) };
  }
  const address = ingressAddress ?? INGRESS_ADDRESS_PLACEHOLDER;
  const urls = Object.fromEntries(backendUrls(settings, address).map(([stem, url]) => [`REACT_APP_${stem}_URL`, url]));
  return {
    PROJECT_FOLDER: '.',
    ...urls,
    BUILD_FOLDER: posix.dirname(dockerfile.replace(/\\/g, '/')),
    EXPORT_PORT: String(s.port),
  };
}
