/**
 * Every admin API route declared through the mutation registry is described in the OpenAPI
 * document, with the security it takes: sessions (with the CSRF token) for roles, the bearer
 * token for scopes. A route added to the registry without its description fails here.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MUTATING_ROUTES } from '../src/http/auth/mutations.ts';
import type { ApiFixture } from './support/api-fixture.ts';
import { openApiFixture } from './support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture(); // builds the whole app, which declares every mutating route
});
after(() => api.close());

test('every admin API write is in the OpenAPI document with its security schemes', async () => {
  const document = (await (await api.get('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  const adminApi = MUTATING_ROUTES.filter((r) => r.path.startsWith('/api/v1/admin/'));
  assert.ok(adminApi.length >= 3);
  for (const route of adminApi) {
    const path = route.path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase()];
    assert.ok(operation, `${route.method} ${path} is described`);
    const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
    if (route.roles.length > 0) assert.ok(schemes.includes('sessionCookie') && schemes.includes('csrfToken'), path);
    if (route.scopes.length > 0) assert.ok(schemes.includes('bearerToken'), path);
    for (const scheme of schemes) assert.ok(document.components.securitySchemes[scheme], scheme);
  }
});
