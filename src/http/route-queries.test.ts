import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RouteQueries } from './route-queries.ts';

const routes = new RouteQueries();
routes.declare('/seasons/:id/standings', ['class', 'asOf']);
routes.declare('/api/v1/seasons/{id}/title/{class}', ['kind', 'beforeRound', 'pole']);
routes.declare('/', []);

test('only the parameters a route reads stay, in the order it declares them', () => {
  assert.equal(
    routes.normalise('/seasons/x/standings?bust=9&asOf=2020-01-01T00:00:00Z&utm_source=a&class=lmp2'),
    '/seasons/x/standings?class=lmp2&asOf=2020-01-01T00:00:00Z',
  );
  assert.equal(
    routes.normalise('/api/v1/seasons/x/title/LMP2?pole=1&kind=teams'),
    '/api/v1/seasons/x/title/LMP2?kind=teams&pole=1',
  );
});

test('a URL with only parameters its route does not read is the bare path; so is any query on an undeclared path', () => {
  assert.equal(routes.normalise('/seasons/x/standings?bust=1'), '/seasons/x/standings');
  assert.equal(routes.normalise('/seasons/x/standings?'), '/seasons/x/standings');
  assert.equal(routes.normalise('/?asOf=2020-01-01'), '/');
  assert.equal(routes.normalise('/nowhere?class=lmp2'), '/nowhere');
  assert.equal(routes.normalise('/seasons/x/standings/more?class=lmp2'), '/seasons/x/standings/more');
  assert.equal(routes.normalise('/seasons//standings?class=lmp2'), '/seasons//standings', 'a parameter is never empty');
});

test('values are kept as sent, repeated ones in order; names are read as the app reads them', () => {
  assert.equal(routes.normalise('/seasons/x/standings?class=a&class=b'), '/seasons/x/standings?class=a&class=b');
  assert.equal(routes.normalise('/seasons/x/standings?class=LMP%32'), '/seasons/x/standings?class=LMP%32');
  assert.equal(routes.normalise('/seasons/x/standings?cl%61ss=gt'), '/seasons/x/standings?class=gt');
  assert.equal(routes.normalise('/seasons/x/standings?class'), '/seasons/x/standings?class=');
  assert.equal(routes.normalise('/seasons/x/standings?%E0%A4%A=1&class=%ZZ'), '/seasons/x/standings?class=%ZZ');
});
