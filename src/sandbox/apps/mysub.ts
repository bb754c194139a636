// The mysub service (lifesub `mysub-infra` module): CategoryController and MySubController under
// /api/mysub, ServiceController under /api/mysub/services. Every API route needs a valid JWT.
import { apiResponse, type BackendSpec, type HandlerContext, type Route } from './spring-boot.js';

const swagger = (path: string): boolean =>
  path === '/swagger-ui.html' || path.startsWith('/swagger-ui/') || path === '/v3/api-docs.yaml' || path.startsWith('/v3/api-docs');

const CATEGORIES = [
  { categoryId: 'OTT', categoryName: 'OTT/동영상' },
  { categoryId: 'MUSIC', categoryName: '음악' },
  { categoryId: 'FOOD', categoryName: '식품' },
];

/** A required @RequestParam; missing → MissingServletRequestParameterException → 400 → 403. */
const param = (ctx: HandlerContext, name: string): string | undefined => ctx.req.query.get(name) ?? undefined;
const ok = (ctx: HandlerContext, data: unknown) => apiResponse(200, 200, 'Success', data, ctx.now);
const numeric = (ctx: HandlerContext): boolean => /^\d+$/.test(ctx.req.path.split('/')[4] ?? '');

const routes: Route[] = [
  { method: 'GET', path: '/api/mysub/categories', handle: (ctx) => ok(ctx, CATEGORIES) },
  { method: 'GET', path: '/api/mysub/services', handle: (ctx) => (param(ctx, 'categoryId') === undefined ? undefined : ok(ctx, [])) },
  {
    method: 'GET',
    path: '/api/mysub/total-fee',
    handle: (ctx) => (param(ctx, 'userId') === undefined ? undefined : ok(ctx, { totalFee: 0, feeLevel: 'LIKER' })),
  },
  { method: 'GET', path: '/api/mysub/list', handle: (ctx) => (param(ctx, 'userId') === undefined ? undefined : ok(ctx, [])) },
  // Unknown subscriptions throw a BusinessException nobody handles: 500 → /error → 403.
  { method: 'GET', path: '/api/mysub/services/{id}', handle: () => undefined },
  {
    method: 'POST',
    path: '/api/mysub/services/{id}/subscribe',
    handle: (ctx) => (numeric(ctx) && param(ctx, 'userId') !== undefined ? ok(ctx, null) : undefined),
  },
  { method: 'DELETE', path: '/api/mysub/services/{id}', handle: () => undefined },
];

export const mysub: BackendSpec = {
  name: 'mysub',
  mainClass: 'MySubApplication',
  defaultPort: 8082,
  defaultDatabase: 'mysub',
  tables: ['categories', 'subscriptions', 'my_subscriptions'],
  permitAll: (_method, path) => swagger(path),
  routes,
};
