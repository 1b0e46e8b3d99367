/** Rendered pages are kept in the shared response store (../response-store.ts) as HTML bytes. */
import type { StoredResponse } from '../response-store.ts';
import { storedResponse } from '../response-store.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';

export type RenderedPage = StoredResponse;

export function renderedPage(status: number, html: string): RenderedPage {
  // The security headers are stored with the bytes: the server's fast path replays them without the app.
  return storedResponse(status, new TextEncoder().encode(html), {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
  });
}
