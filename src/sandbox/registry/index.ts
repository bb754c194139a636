export { StoreImageCatalog, parseImageRef } from './catalog.js';
export { startRegistryServer, UNKNOWN_HOST_HEADER, type RegistryServerHandle, type RegistryServerOptions } from './server.js';
export { RegistryStore, REGISTRY_DOMAIN, digestOf, type RegistryRecord } from './store.js';
export { TOKEN_USER } from './auth.js';
