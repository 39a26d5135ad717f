import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page (text escaped by preact) and sends it; never HTML assembled from strings. */
export function sendPage(res: Response, page: VNode<any>, status = 200): void {
  res
    .status(status)
    .type('html')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** A piece of a page for htmx to swap in. */
export function sendFragment(res: Response, fragment: VNode<any>): void {
  res.type('html').send(renderToString(fragment));
}
