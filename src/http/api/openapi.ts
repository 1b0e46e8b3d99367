import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { CACHE_CONTROL } from './cache.ts';
import { ERROR_STATUS } from './errors.ts';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const DESCRIPTION = `Read-only data of the Pitwall championship office: seasons, entry lists, results, standings,
calendars and careers. Every successful read carries a strong \`ETag\` and \`Cache-Control: ${CACHE_CONTROL}\`;
send \`If-None-Match\` to get \`304 Not Modified\`. Errors, public and admin, are \`{ "error": { "code", "message", "issues" } }\` (\`issues\`: every problem found, each \`{ code, message, path?, line? }\`) with codes
${Object.entries(ERROR_STATUS)
  .map(([code, status]) => `\`${code}\` (${status})`)
  .join(', ')}.`;

/** Registers the two routes that are not data (this document, and the page for people) in it. */
export function registerDocumentRoutes(app: OpenAPIHono): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: ['Reference'],
    summary: 'This OpenAPI 3.1 document',
    description: 'Every route and schema of the API, generated from the route definitions themselves.',
    responses: {
      200: {
        description: 'The OpenAPI document.',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/',
    operationId: 'getReferencePage',
    tags: ['Reference'],
    summary: 'The API reference page',
    description: 'Every route with its parameters and an example `curl` line, as HTML.',
    responses: { 200: { description: 'An HTML page.', content: { 'text/html': { schema: z.string() } } } },
  });
}

/** The document, generated once: routes do not change while the server runs. */
export function openApiDocument(app: OpenAPIHono): () => OpenApiDocument {
  let document: OpenApiDocument | undefined;
  return () =>
    (document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Pitwall API', version: '1.0.0', description: DESCRIPTION },
      servers: [{ url: '/api', description: 'This server' }],
      tags: [
        { name: 'Seasons', description: 'Seasons, their calendars and entry lists.' },
        { name: 'Results', description: 'Race results, class by class.' },
        { name: 'Standings', description: 'The championship tables.' },
        { name: 'Careers', description: 'Drivers and teams across seasons.' },
        {
          name: 'Race control',
          description: "The stewards' decisions; for officials and the timing system, the writes.",
        },
        { name: 'Reference', description: 'This document and the reference page.' },
      ],
    }));
}

/**
 * The query parameters each GET route declares, by its path as the document writes it (`{id}`),
 * read from the route declarations themselves: what the document lists (openapi.test.ts checks),
 * without generating it at start, which took 60-75 ms of every start for a page few ask for.
 */
export function declaredQueries(app: OpenAPIHono): [path: string, names: string[]][] {
  const declared: [string, string[]][] = [];
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route' || definition.route.method !== 'get') continue;
    const query: unknown = definition.route.request?.query;
    const shape = query instanceof z.ZodObject ? Object.keys(query.shape) : [];
    declared.push([definition.route.path, shape]);
  }
  return declared;
}
