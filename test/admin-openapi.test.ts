/**
 * Every admin API route — each write of the mutation registry and each read — is described in the
 * OpenAPI document from its own declaration, with the security its roles, scopes and console
 * derive, its refusals in the one error shape, and a request schema its example body fits.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { MUTATING_ROUTES } from '../src/http/auth/mutations.ts';
import type { ApiFixture } from './support/api-fixture.ts';
import { openApiFixture } from './support/api-fixture.ts';

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, object> };
};

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

let api: ApiFixture;
let document: Document;
before(async () => {
  api = await openApiFixture(); // builds the whole app, which declares every admin route
  document = (await (await api.get('/api/openapi.json')).json()) as Document;
});
after(() => api.close());

const documentPath = (path: string) => path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');
const schemesOf = (operation: Operation) => (operation.security ?? []).map((s) => Object.keys(s).sort().join('+'));

/** The admin reads: the guards are declared with their docs, so none may be missing here. */
const READS = [
  '/v1/admin/officials',
  '/v1/admin/seasons/{id}/entries',
  '/v1/admin/seasons/{id}/entries/changes',
  '/v1/admin/seasons/{id}/season-file',
  '/v1/admin/tokens',
  '/v1/admin/whoami',
];

test('every admin API write is in the document with the security its access derives, and nothing else', () => {
  const writes = MUTATING_ROUTES.filter((r) => r.path.startsWith('/api/v1/admin/'));
  assert.ok(writes.length >= 19, `${writes.length} writes`);
  for (const route of writes) {
    const where = `${route.method} ${route.path}`;
    const operation = document.paths[documentPath(route.path)]?.[route.method.toLowerCase()];
    assert.ok(operation, `${where} is described`);
    const expected = [
      ...(route.roles.length > 0 ? ['csrfToken+sessionCookie'] : []),
      ...(route.scopes.length > 0 ? ['bearerToken'] : []),
      ...(route.console ? ['consoleSecret'] : []),
    ];
    assert.deepEqual(schemesOf(operation), expected, where);
    for (const scheme of (operation.security ?? []).flatMap((s) => Object.keys(s))) {
      assert.ok(document.components.securitySchemes[scheme], scheme);
    }
    // Every write can be refused by the guard, the CSRF check and the body limit: in the one error shape.
    for (const status of ['401', '403', '413']) {
      assert.equal(
        operation.responses[status]?.content?.['application/json']?.schema.$ref,
        '#/components/schemas/Error',
      );
    }
    const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    assert.deepEqual(
      params,
      [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]),
      `${where}: its path parameters`,
    );
  }
  const described = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => method !== 'get' && path.startsWith('/v1/admin/'))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  assert.deepEqual(described.sort(), writes.map((r) => `${r.method} ${documentPath(r.path)}`).sort());
});

test('every admin read is in the document, a session without CSRF', () => {
  const reads = Object.entries(document.paths)
    .filter(([path, item]) => path.startsWith('/v1/admin/') && item.get)
    .map(([path]) => path);
  assert.deepEqual(reads.sort(), READS);
  for (const path of READS) {
    const operation = document.paths[path]?.get;
    assert.ok(operation);
    const schemes = schemesOf(operation);
    assert.ok(schemes.includes('sessionCookie'), path);
    assert.ok(!schemes.some((s) => s.includes('csrfToken')), `${path}: a read needs no CSRF token`);
    assert.ok(operation.responses['401'] && operation.responses['403'], path);
  }
  assert.deepEqual(schemesOf(document.paths['/v1/admin/whoami']!.get!), ['sessionCookie', 'bearerToken']);
  assert.deepEqual(schemesOf(document.paths['/v1/admin/seasons/{id}/entries']!.get!), [
    'sessionCookie',
    'bearerToken',
    'consoleSecret',
  ]);
});

test('each write with an example body: the example fits its documented request schema', () => {
  const withJson = MUTATING_ROUTES.filter((r) => r.path.startsWith('/api/') && r.example?.json !== undefined);
  // The season import's example is a wrong season file on purpose, sent as the YAML it takes.
  const jsonBodies = withJson.filter((r) => r.path !== '/api/v1/admin/seasons');
  assert.ok(jsonBodies.length >= 12, `${jsonBodies.length} examples`);
  for (const route of jsonBodies) {
    const where = `${route.method} ${route.path}`;
    const operation = document.paths[documentPath(route.path)]?.[route.method.toLowerCase()];
    const schema = operation?.requestBody?.content['application/json']?.schema;
    assert.ok(schema, `${where} documents a JSON body`);
    const validate = ajv.compile({ ...schema, components: document.components });
    assert.ok(validate(route.example?.json), `${where}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('the decision body is one shape per kind, told apart by kind', () => {
  const schema = document.paths['/v1/admin/seasons/{id}/rounds/{round}/decisions']?.post?.requestBody?.content[
    'application/json'
  ]?.schema as { $ref: string };
  const decision = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] as {
    oneOf: { properties: { kind: { const?: string; enum?: string[] } }; required: string[] }[];
  };
  const kinds = decision.oneOf.map((member) => member.properties.kind.const ?? member.properties.kind.enum?.[0]);
  assert.deepEqual(kinds, [
    'time-penalty',
    'drop-positions',
    'disqualification',
    'exclusion',
    'points-deduction',
    'reversal',
  ]);
  const validate = ajv.compile({ ...schema, components: document.components });
  assert.ok(validate({ kind: 'time-penalty', car: '26', seconds: '51.075', reason: 'Pit lane speeding' }));
  assert.ok(!validate({ kind: 'time-penalty', car: '26', reason: 'no time' }), 'a time penalty needs seconds');
  assert.ok(!validate({ kind: 'parole', car: '26', reason: 'x' }), 'no such kind');
  assert.ok(!validate({ kind: 'drop-positions', car: '26', positions: '0x10', reason: 'x' }), 'decimal only');
});
