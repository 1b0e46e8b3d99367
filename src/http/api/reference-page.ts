import type { OpenAPIHono } from '@hono/zod-openapi';
import { html } from 'hono/html';
import { slugOf } from '../../domain/ids.ts';
import type { Season } from '../../domain/season.ts';
import { ERROR_STATUS } from './errors.ts';
import { siteDocument } from '../pages/site-document.tsx';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly description?: string;
}

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly Parameter[];
  readonly responses?: Readonly<Record<string, { readonly content?: Readonly<Record<string, unknown>> }>>;
}

/** Real ids for the curl lines, from the latest season, so every example works when pasted. */
interface Examples {
  readonly season: string;
  readonly round: string;
  readonly class: string;
  readonly driver: string;
  readonly team: string;
}

function examplesOf(seasons: readonly Season[]): Examples {
  const season = seasons[0];
  const entry = season?.entries[0];
  return {
    season: season?.id ?? 'alms-2019-20',
    round: String(season?.races[0]?.round ?? 1),
    class: season?.classes[0]?.id ?? 'LMP2',
    driver: slugOf(entry?.drivers[0]?.name ?? 'Roman Rusinov'),
    team: slugOf(entry?.team ?? 'G-Drive Racing with Algarve'),
  };
}

function exampleUrl(publicUrl: string, path: string, operation: Operation, examples: Examples): string {
  const id = path.startsWith('/v1/drivers/')
    ? examples.driver
    : path.startsWith('/v1/teams/')
      ? examples.team
      : examples.season;
  const filled = path
    .replace('{id}', encodeURIComponent(id))
    .replace('{round}', examples.round)
    .replace('{class}', encodeURIComponent(examples.class));
  const query = (operation.parameters ?? []).some((p) => p.in === 'query')
    ? `?class=${encodeURIComponent(examples.class)}&kind=teams`
    : '';
  return `${publicUrl}/api${filled === '/' ? '' : filled}${query}`;
}

/** The document's descriptions are CommonMark; its `code` spans are all they use. */
function prose(text: string | undefined) {
  return (text ?? '').split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
}

function parameterRows(parameters: readonly Parameter[], label: string) {
  if (parameters.length === 0) return '';
  return html`<div class="table-scroll" role="region" aria-label="Parameters of GET /api${label}" tabindex="0">
    <table>
      <tr>
        <th scope="col">parameter</th>
        <th scope="col">in</th>
        <th scope="col">meaning</th>
      </tr>
      ${parameters.map(
        (p) =>
          html`<tr>
            <td><code>${p.name}</code>${p.required ? '' : ' (optional)'}</td>
            <td>${p.in}</td>
            <td>${prose(p.description)}</td>
          </tr>`,
      )}
    </table>
  </div>`;
}

/** An event stream never ends: curl must print it as it comes (-N), not buffer it. */
const isStream = (operation: Operation): boolean =>
  Object.values(operation.responses ?? {}).some((r) => r.content?.['text/event-stream'] !== undefined);

/**
 * The API for people: every route of the OpenAPI document with its parameters and a curl line
 * that works against this server. Built from the document, so it can never list a route that
 * is not there. Links are relative; the curl lines use the configured public URL, never the
 * request's own (the page is stored once and served to everyone: ../public-url.ts).
 */
export async function referencePage(
  document: OpenApiDocument,
  seasons: readonly Season[],
  publicUrl: string,
): Promise<string> {
  const examples = examplesOf(seasons);
  const example = (path: string, operation: Operation) => exampleUrl(publicUrl, path, operation, examples);
  // The public reads: race control's routes need credentials, so no curl line of theirs would work.
  const routes = Object.entries(document.paths ?? {}).flatMap(([path, item]) => {
    const operation = (item as { get?: Operation }).get;
    return operation && !path.startsWith('/v1/admin/') ? [{ path, operation }] : [];
  });
  const body = html`<div class="api-reference">
    <h1>Pitwall API</h1>
    <p>
      Read-only JSON (and CSV and iCalendar) for seasons, results, standings and careers. The machine-readable
      description is <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).
    </p>
    <p>
      Every successful read has a strong <code>ETag</code> and <code>Cache-Control: public, max-age=60</code>; send
      <code>If-None-Match</code> to get <code>304 Not Modified</code>.
    </p>
    ${routes.map(
      ({ path, operation }) =>
        html`<section>
          <h2><code>GET /api${path === '/' ? '' : path}</code></h2>
          <p><strong>${operation.summary ?? ''}</strong></p>
          <p>${prose(operation.description)}</p>
          ${parameterRows(operation.parameters ?? [], path === '/' ? '' : path)}
          <pre tabindex="0">curl ${isStream(operation) ? '-sN' : '-s'} '${example(path, operation)}'</pre>
        </section>`,
    )}
    <section>
      <h2>Errors</h2>
      <p>
        Every error, public or admin, is <code>{ "error": { "code", "message", "issues" } }</code>,
        <code>issues</code> listing every problem found (<code>{ code, message, path?, line? }</code>):
      </p>
      <table>
        <tr>
          <th scope="col">code</th>
          <th scope="col">HTTP status</th>
        </tr>
        ${Object.entries(ERROR_STATUS).map(
          ([code, status]) =>
            html`<tr>
              <td><code>${code}</code></td>
              <td>${status}</td>
            </tr>`,
        )}
      </table>
    </section>
  </div>`;
  return siteDocument({
    title: 'API',
    description: 'The Pitwall API: read-only JSON, CSV and iCalendar for seasons, results, standings and careers.',
    nav: 'api',
    path: '/api',
    publicUrl,
    season: seasons[0],
    body: (await body).toString(),
  });
}
