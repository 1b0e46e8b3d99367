import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';
import { createHttpParts } from '../app.ts';
import { RouteQueries } from '../route-queries.ts';

// A type alias, not an interface: the validator takes a plain record.
type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

/** One operation of the document, as far as its schemas go. */
type Operation = {
  parameters?: { name: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

let api: ApiFixture;
let document: Document;
before(async () => {
  api = await openApiFixture();
  // A race lap analysis for round 1 of the test cup, so that its drive times are there to read.
  const laps = [
    'NUMBER,DRIVER_NUMBER,LAP_NUMBER,LAP_TIME,ELAPSED,DRIVER_NAME,CLASS,',
    '26,1,1,1:40.000,1:40.000,Roman RUSINOV,Proto,',
    '7,1,1,1:50.000,1:50.000,Takeshi KIMURA,GT,',
  ].join('\n');
  const imported = await api.office.importLapAnalysis('test-cup-2021', 1, laps, '202103061200-race-laps.csv', 'test');
  assert.ok(imported.ok, JSON.stringify(imported));
  document = (await (await api.get('/api/openapi.json')).json()) as Document;
});
after(() => api.close());

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module object.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validators = new Map<string, ValidateFunction>();

/** The document's schema for a response, compiled with its components so `$ref`s resolve. */
function schemaFor(path: string, status: number, mediaType = 'application/json'): ValidateFunction {
  const key = `${path} ${status}`;
  const known = validators.get(key);
  if (known) return known;
  const schema = document.paths[path]?.get?.responses[String(status)]?.content?.[mediaType]?.schema;
  assert.ok(schema, `the document describes ${status} ${mediaType} for GET ${path}`);
  const validate = ajv.compile({ ...schema, components: document.components });
  validators.set(key, validate);
  return validate;
}

/** Real requests, the document path that describes each, and the status expected. */
const SAMPLES: readonly (readonly [url: string, path: string, status: number])[] = [
  ['/api/v1/seasons', '/v1/seasons', 200],
  ['/api/v1/seasons/alms-2019-20', '/v1/seasons/{id}', 200],
  ['/api/v1/seasons/test-cup-2021', '/v1/seasons/{id}', 200],
  ['/api/v1/seasons/nope', '/v1/seasons/{id}', 404],
  ['/api/v1/seasons/alms-2019-20/entries', '/v1/seasons/{id}/entries', 200],
  ['/api/v1/seasons/test-cup-2021/entries', '/v1/seasons/{id}/entries', 200],
  ['/api/v1/seasons/nope/entries', '/v1/seasons/{id}/entries', 404],
  ['/api/v1/seasons/alms-2019-20/rounds/1/results', '/v1/seasons/{id}/rounds/{round}/results', 200],
  ['/api/v1/seasons/alms-2019-20/rounds/4/results', '/v1/seasons/{id}/rounds/{round}/results', 200],
  ['/api/v1/seasons/test-cup-2021/rounds/1/results', '/v1/seasons/{id}/rounds/{round}/results', 200],
  ['/api/v1/seasons/test-cup-2021/rounds/2/results', '/v1/seasons/{id}/rounds/{round}/results', 200],
  ['/api/v1/seasons/test-cup-2021/rounds/3/results', '/v1/seasons/{id}/rounds/{round}/results', 404],
  ['/api/v1/seasons/test-cup-2021/rounds/x/results', '/v1/seasons/{id}/rounds/{round}/results', 400],
  ['/api/v1/seasons/test-cup-2021/rounds/1/drive-times', '/v1/seasons/{id}/rounds/{round}/drive-times', 200],
  ['/api/v1/seasons/test-cup-2021/rounds/2/drive-times', '/v1/seasons/{id}/rounds/{round}/drive-times', 404],
  ['/api/v1/seasons/alms-2019-20/standings', '/v1/seasons/{id}/standings', 200],
  ['/api/v1/seasons/alms-2019-20/standings?class=GT&kind=drivers', '/v1/seasons/{id}/standings', 200],
  ['/api/v1/seasons/test-cup-2021/standings', '/v1/seasons/{id}/standings', 200],
  ['/api/v1/seasons/alms-2019-20/standings?class=F1', '/v1/seasons/{id}/standings', 400],
  ['/api/v1/seasons/alms-2019-20/standings?kind=x&class=y', '/v1/seasons/{id}/standings', 400],
  ['/api/v1/seasons/alms-2019-20/standings.csv?kind=x', '/v1/seasons/{id}/standings.csv', 400],
  ['/api/v1/seasons/nope/calendar.ics', '/v1/seasons/{id}/calendar.ics', 404],
  ['/api/v1/seasons/alms-2019-20/decisions', '/v1/seasons/{id}/decisions', 200],
  ['/api/v1/seasons/alms-2019-20/title/LMP2?beforeRound=4&pole=1', '/v1/seasons/{id}/title/{class}', 200],
  ['/api/v1/seasons/alms-2019-20/title/LMP9', '/v1/seasons/{id}/title/{class}', 400],
  ['/api/v1/seasons/nope/decisions', '/v1/seasons/{id}/decisions', 404],
  ['/api/v1/seasons/alms-2019-20/standings?asOf=2019-11-24T12:00:00Z&results=final', '/v1/seasons/{id}/standings', 200],
  ['/api/v1/drivers/roman-rusinov', '/v1/drivers/{id}', 200],
  ['/api/v1/drivers/takeshi-kimura', '/v1/drivers/{id}', 200],
  ['/api/v1/drivers/nobody', '/v1/drivers/{id}', 404],
  ['/api/v1/teams/g-drive-racing-with-algarve', '/v1/teams/{id}', 200],
  ['/api/v1/teams/nobody', '/v1/teams/{id}', 404],
  ['/api/v1/seasons/alms-2019-20/rounds/4/live', '/v1/seasons/{id}/rounds/{round}/live', 200],
  ['/api/v1/seasons/alms-2019-20/rounds/9/live', '/v1/seasons/{id}/rounds/{round}/live', 404],
  ['/api/v1/seasons/nope/rounds/1/live', '/v1/seasons/{id}/rounds/{round}/live', 404],
];

describe('GET /api/openapi.json', () => {
  test('is a valid OpenAPI 3.1 document (an independent validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
    assert.match(document.openapi, /^3\.1\./);
  });

  test('describes every route of the API', () => {
    assert.deepEqual(Object.keys(document.paths).sort(), [
      '/',
      '/openapi.json',
      '/v1/admin/officials',
      '/v1/admin/officials/disable',
      '/v1/admin/seasons',
      '/v1/admin/seasons/{id}/entries',
      '/v1/admin/seasons/{id}/entries/changes',
      '/v1/admin/seasons/{id}/entries/{car}',
      '/v1/admin/seasons/{id}/entries/{car}/crew',
      '/v1/admin/seasons/{id}/entries/{car}/driver',
      '/v1/admin/seasons/{id}/entries/{car}/team',
      '/v1/admin/seasons/{id}/entries/{car}/withdraw',
      '/v1/admin/seasons/{id}/rounds/{round}/classification',
      '/v1/admin/seasons/{id}/rounds/{round}/decisions',
      '/v1/admin/seasons/{id}/rounds/{round}/laps',
      '/v1/admin/seasons/{id}/rounds/{round}/live/events',
      '/v1/admin/seasons/{id}/rounds/{round}/live/reset',
      '/v1/admin/seasons/{id}/rounds/{round}/poles',
      '/v1/admin/seasons/{id}/rounds/{round}/qualifying',
      '/v1/admin/seasons/{id}/rounds/{round}/state',
      '/v1/admin/seasons/{id}/season-file',
      '/v1/admin/tokens',
      '/v1/admin/tokens/revoke',
      '/v1/admin/whoami',
      '/v1/drivers/{id}',
      '/v1/seasons',
      '/v1/seasons/{id}',
      '/v1/seasons/{id}/calendar.ics',
      '/v1/seasons/{id}/decisions',
      '/v1/seasons/{id}/entries',
      '/v1/seasons/{id}/rounds/{round}/drive-times',
      '/v1/seasons/{id}/rounds/{round}/live',
      '/v1/seasons/{id}/rounds/{round}/live/stream',
      '/v1/seasons/{id}/rounds/{round}/results',
      '/v1/seasons/{id}/standings',
      '/v1/seasons/{id}/standings.csv',
      '/v1/seasons/{id}/title/{class}',
      '/v1/teams/{id}',
    ]);
    for (const [path, item] of Object.entries(document.paths)) {
      // The public API is read-only; race control lives under /v1/admin, every operation secured.
      if (path.startsWith('/v1/admin/')) {
        for (const [method, operation] of Object.entries(item)) {
          const security = (operation as { security?: unknown[] } | undefined)?.security ?? [];
          assert.ok(security.length > 0, `${method} ${path} names its security`);
        }
        continue;
      }
      assert.deepEqual(Object.keys(item), ['get'], `${path} is read-only`);
    }
  });

  test('every schema of every route compiles as JSON Schema 2020-12: parameters, request bodies, responses', () => {
    let compiled = 0;
    const compile = (schema: object, where: string) => {
      assert.doesNotThrow(() => ajv.compile({ ...schema, components: document.components }), where);
      compiled += 1;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => [`${method} ${path}`, op] as const),
    );
    assert.ok(
      operations.some(([where]) => !where.startsWith('get ')),
      'the writes are in the document',
    );
    for (const [where, operation] of operations) {
      for (const parameter of operation.parameters ?? []) compile(parameter.schema, `${where} ${parameter.name}`);
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        compile(media.schema, `${where} request ${type}`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          compile(media.schema, `${where} ${status} ${type}`);
        }
      }
    }
    assert.ok(compiled > operations.length * 2, `${compiled} schemas for ${operations.length} operations`);
  });
});

describe('responses match the schemas of the document', () => {
  for (const [url, path, status] of SAMPLES) {
    test(`${status} GET ${url}`, async () => {
      const response = await api.get(url);
      assert.equal(response.status, status);
      const validate = schemaFor(path, status);
      const body: unknown = await response.json();
      assert.ok(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`);
    });
  }

  test('the samples exercise every JSON route', () => {
    const sampled = new Set(SAMPLES.map(([, path]) => path));
    for (const [path, item] of Object.entries(document.paths)) {
      const publicRead = path !== '/openapi.json' && !path.startsWith('/v1/admin/');
      if (item.get?.responses['200']?.content?.['application/json'] && publicRead) {
        assert.ok(sampled.has(path), `a sample for ${path}`);
      }
    }
  });

  test('a schema rejects a body that breaks the contract', () => {
    const validate = schemaFor('/v1/seasons/{id}/standings', 200);
    assert.equal(validate({ series: 'x', season: 'y', rounds: [], standings: [], extra: 1 }), false);
    assert.equal(validate({ series: 'x', season: 'y', rounds: [] }), false);
  });
});

describe('GET /api', () => {
  test('an HTML page listing every route with a curl line that works', async () => {
    const response = await api.get('/api');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const page = await response.text();
    const reads = Object.keys(document.paths).filter(
      (path) => document.paths[path]?.get && !path.startsWith('/v1/admin/'),
    );
    for (const path of reads) {
      assert.ok(page.includes(`GET /api${path === '/' ? '' : path}</code>`), `lists ${path}`);
    }
    const curls = [...page.matchAll(/curl -s '([^']+)'/g)].map((m) => m[1] ?? '');
    // The event stream is answered by the server itself, before this app (test/live-server.test.ts).
    const streams = [...page.matchAll(/curl -sN '([^']+)'/g)].map((m) => m[1] ?? '');
    assert.deepEqual(
      streams.map((url) => new URL(url).pathname),
      ['/api/v1/seasons/test-cup-2021/rounds/1/live/stream'],
    );
    assert.equal(curls.length + streams.length, reads.length);
    for (const url of curls) {
      const { pathname, search } = new URL(url.replaceAll('&amp;', '&'));
      const tried = await api.get(pathname + search);
      assert.equal(tried.status, 200, url);
    }
  });
});

test('the response store keys each API route by exactly the query parameters the document lists for it', () => {
  const { store } = createHttpParts(api.office);
  const listed = new RouteQueries();
  for (const [path, item] of Object.entries(document.paths)) {
    const parameters = (item.get as { parameters?: { name: string; in: string }[] } | undefined)?.parameters ?? [];
    listed.declare(
      `/api${path}`,
      parameters.filter((p) => p.in === 'query').map((p) => p.name),
    );
  }
  const concrete = Object.keys(document.paths).map((path) => `/api${path.replaceAll(/\{\w+\}/g, 'x')}`);
  for (const path of concrete) assert.deepEqual(store.routes.namesAt(path), listed.namesAt(path), path);
  assert.ok(concrete.filter((path) => listed.namesAt(path).length > 0).length >= 4, 'routes with a query to compare');
});
