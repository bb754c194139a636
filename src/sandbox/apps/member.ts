// The member service (lifesub `member` module): MemberController @RequestMapping("/api/auth") with
// POST /login and POST /logout; SecurityConfig permits POST /api/auth/** and the Swagger GETs.
// DataLoader creates user01…user10 with the password "Passw0rd" on the first start.
import { signJwt } from './jwt.js';
import { apiResponse, type BackendSpec, type HandlerContext } from './spring-boot.js';

/** A JSON object body, or undefined when Jackson could not read one (→ 400 → /error → 403). */
function jsonBody(ctx: HandlerContext): Record<string, unknown> | undefined {
  if (!/^application\/(.+\+)?json/i.test(ctx.req.headers['content-type'] ?? '')) return undefined; // 415
  try {
    const v = JSON.parse(ctx.req.body) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const USERS = new Set(Array.from({ length: 10 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`));

export const member: BackendSpec = {
  name: 'member',
  mainClass: 'MemberApplication',
  defaultPort: 8081,
  defaultDatabase: 'member',
  tables: ['members'],
  permitAll: (method, path) =>
    (method === 'POST' && path.startsWith('/api/auth/')) ||
    (method === 'GET' && (path === '/swagger-ui.html' || path.startsWith('/swagger-ui/') || path.startsWith('/v3/api-docs'))),
  routes: [
    {
      method: 'POST',
      path: '/api/auth/login',
      handle(ctx) {
        const body = jsonBody(ctx);
        // @Valid with @NotBlank userId/password: MethodArgumentNotValidException → 400 → 403.
        if (!body || blank(body.userId) || blank(body.password)) return undefined;
        const userId = String(body.userId);
        // Both failures are caught by the controller and answered 401 with the ErrorCode's own status.
        if (!USERS.has(userId)) return apiResponse(401, 200, 'Member not found', null, ctx.now);
        if (body.password !== 'Passw0rd') return apiResponse(401, 210, 'Invalid credentials', null, ctx.now);
        const iat = Math.floor(ctx.now / 1000);
        const accessToken = signJwt(ctx.settings.jwtSecret, {
          sub: userId,
          userId,
          userName: `사용자${Number(userId.slice(4))}`,
          auth: ['USER'],
          iat,
          exp: Math.floor((ctx.now + ctx.settings.accessValidityMs) / 1000),
        });
        const refreshToken = signJwt(ctx.settings.jwtSecret, { sub: userId, iat, exp: iat + 86400 * 1000 });
        return apiResponse(200, 200, 'Success', { accessToken, refreshToken }, ctx.now);
      },
    },
    {
      method: 'POST',
      path: '/api/auth/logout',
      handle(ctx) {
        const body = jsonBody(ctx);
        if (!body || blank(body.userId)) return undefined;
        return apiResponse(200, 200, 'Success', { message: '로그아웃이 완료되었습니다.' }, ctx.now);
      },
    },
  ],
};
