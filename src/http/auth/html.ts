import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { setPrivateHeaders } from './errors.ts';

/** An HTML answer that depends on who asks: rendered per request, never stored. */
export async function privateHtml(
  c: Context,
  element: JSX.Element,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 429 = 200,
) {
  setPrivateHeaders(c);
  return c.html(`<!doctype html>${(await element).toString()}`, status);
}
