// The implementations behind render/index.ts, one file per job:
//   labels.ts       lifesubLabels (merged into every object's labels)
//   credentials.ts  generate / store / read back the per-ID passwords and JWT key
//   values.ts       Helm values for ingress-nginx and bitnami/postgresql
//   objects.ts      namespace, frontend LoadBalancer Service, image pull Secret
//   manifests.ts    every object of walkthrough step 12, in apply order (+ app-secrets.ts)
//   validate.ts     structural checks the client library would silently skip
//   build-args.ts   docker build args per service
//   frontend-contract.ts  the base-URL convention of lifesub-web's API client
//   routes.ts       the student's host/path on the shared ingress and the frontend's URLs
// Templates live in templates/ and are filled by template.ts.
export { lifesubLabels } from './labels.js';
export { credentialsFromSecret, generateCredentials, renderCredentialsSecret } from './credentials.js';
export { renderIngressValues, renderPostgresValues } from './values.js';
export { renderNamespace, renderPullSecret, renderWebService } from './objects.js';
export { renderManifests } from './manifests.js';
export { validateObjects } from './validate.js';
export { buildArgs } from './build-args.js';
export { configuredApiBasePaths, frontendCallPath, parseApiBasePaths, type ApiBasePaths } from './frontend-contract.js';
export { defaultApiBasePaths, frontendUrls, studentRoutes, type StudentRoutes } from './routes.js';
export { allowedOrigins, runtimeEnvScript } from './manifests.js';
