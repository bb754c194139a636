// The recommend service (lifesub `recommend` module): RecommendController @RequestMapping("/api/recommend")
// with GET /categories?userId=…; needs a valid JWT.
import { apiResponse, localDateTime, type BackendSpec } from './spring-boot.js';

export const recommend: BackendSpec = {
  name: 'recommend',
  mainClass: 'RecommendApplication',
  defaultPort: 8083,
  defaultDatabase: 'recommend',
  tables: ['spending_history', 'recommended_categories'],
  permitAll: (method, path) => method === 'GET' && (path === '/swagger-ui.html' || path.startsWith('/swagger-ui/') || path.startsWith('/v3/api-docs')),
  routes: [
    {
      method: 'GET',
      path: '/api/recommend/categories',
      handle: (ctx) =>
        ctx.req.query.get('userId') === null
          ? undefined
          : apiResponse(
              200,
              200,
              'Success',
              { categoryName: 'OTT/동영상', baseDate: localDateTime(ctx.now).slice(0, 10), spendingCategory: 'ENTERTAINMENT', totalSpending: 0 },
              ctx.now,
            ),
    },
  ],
};
