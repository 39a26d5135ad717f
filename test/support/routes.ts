import type { Express } from 'express';

/** Every route the app serves, as `METHOD /path`, with the path each router is mounted at. */
export function servedRoutes(app: Express): string[] {
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    rawPath?: unknown;
    handle: { stack?: Layer[] };
  };
  const routes: string[] = [];
  const visit = (layers: Layer[], prefix: string) => {
    for (const layer of layers) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        visit(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes.sort();
}

/**
 * The API: /api, the health checks, the metrics and the OpenAPI document. Everything else is a page of the web application,
 * whose access is decided in test/web/page-access.test.ts rather than the API's access matrix, and which the
 * OpenAPI document does not describe (pages answer HTML to browsers, not JSON to programs).
 */
export const isApiRoute = (route: string): boolean =>
  /^[A-Z]+ (\/api\/|\/health(\/live|\/ready)?$|\/metrics$|\/openapi\.json$)/.test(route);

export const apiRoutes = (app: Express): string[] => servedRoutes(app).filter(isApiRoute);
export const pageRoutes = (app: Express): string[] => servedRoutes(app).filter((route) => !isApiRoute(route));
