/**
 * Which route the routers will dispatch a request to, found by their own matching (case-insensitive, trailing
 * slash optional, as Express matches), so middleware that runs before them can key on the route that will
 * answer: `/api/applications`, `/api/applications/` and `/API/applications` are one route.
 */
import type { Router } from 'express';

export interface MatchedRoute {
  /** The route as declared, with its mount path: `/api/applications/:id/withdraw`. */
  pattern: string;
  params: Record<string, string>;
}

export type RouteResolver = (method: string, path: string) => MatchedRoute | null;

/** The parts of Express's router layers read here (the same ones Express itself walks). */
interface Layer {
  route?: { path: string; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
  match(path: string): { params: Record<string, string>; path: string; pattern: unknown } | false;
}

function find(layers: readonly Layer[], method: string, path: string, prefix: string): MatchedRoute | null {
  for (const layer of layers) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      if (layer.route.methods[method] || layer.route.methods._all) {
        return { pattern: `${prefix}${layer.route.path}`, params: match.params };
      }
    } else if (layer.handle.stack) {
      const mount = typeof match.pattern === 'string' && match.pattern !== '/' ? match.pattern : '';
      const inner = find(layer.handle.stack, method, path.slice(match.path.length) || '/', `${prefix}${mount}`);
      if (inner) return { pattern: inner.pattern, params: { ...match.params, ...inner.params } };
    }
  }
  return null;
}

/** Resolves against `routers` mounted at `mountPath`; `path` is the request's path below the mount. */
export function routeResolver(routers: readonly Router[], mountPath: string): RouteResolver {
  const layers = routers.flatMap((router) => (router as unknown as { stack: Layer[] }).stack);
  return (method, path) => {
    try {
      return find(layers, method.toLowerCase(), path, mountPath);
    } catch {
      // A path Express cannot decode (a stray %): it answers 400 itself, and no route matched.
      return null;
    }
  };
}
