import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Office } from '../app/office.ts';
import type { HttpParts } from './app.ts';
import { originForm, replay, representationFor } from './response-store.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { serveLiveStream } from './live-stream.ts';

/**
 * Answers a GET whose bytes are already in the response store straight from Node, without
 * building fetch Request/Response objects: for a 40 KB standings document that doubles the
 * requests a core can serve. Everything else goes to the app, which fills the store.
 */
export function fastPath({ app, store, today }: HttpParts, office: Office, streams: Set<ServerResponse>) {
  const listener = getRequestListener(app.fetch);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (serveLiveStream(office, req, res, streams)) return;
    const path = req.method === 'GET' && req.url !== undefined ? originForm(req.url) : undefined;
    const stored = path === undefined ? undefined : store.get(office.revision(), store.keyOf(today(), path));
    if (!stored) return void listener(req, res);
    const ifNoneMatch = req.headers['if-none-match'];
    const chosen = representationFor(stored, req.headers['accept-encoding']);
    if (ifNoneMatch !== undefined) {
      const answer = replay(stored, ifNoneMatch, req.headers['accept-encoding']);
      if (answer.body === null) {
        res.writeHead(answer.status, answer.headers);
        res.end();
        return;
      }
    }
    res.writeHead(stored.status, chosen.nodeHeaders);
    res.end(chosen.body);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      serve(req, res);
    } catch {
      // Bad input is answered with a 400 above; this is a bug, and it must cost one request, not the process.
      if (!res.headersSent)
        res.writeHead(500, {
          ...SECURITY_HEADERS,
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        });
      res.end('Something went wrong on our side.');
    }
  };
}
