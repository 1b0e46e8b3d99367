import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

async function eventsOf(path: string) {
  const response = await api.get(path);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const text = await response.text();
  return {
    text,
    events: new ICAL.Component(ICAL.parse(text) as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v)),
  };
}

describe('GET /api/v1/seasons/{id}/calendar.ics', () => {
  test('the bundled season: an all-day event per round, on its date, at its circuit', async () => {
    const { events } = await eventsOf('/api/v1/seasons/alms-2019-20/calendar.ics');
    assert.deepEqual(
      events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate, e.location]),
      api.alms.rounds.map((r) => [r.name, r.date, true, `${r.circuit}, ${r.country}`]),
    );
    assert.deepEqual(
      events.map((e) => e.uid),
      [
        'alms-2019-20-round-1@pitwall',
        'alms-2019-20-round-2@pitwall',
        'alms-2019-20-round-3@pitwall',
        'alms-2019-20-round-4@pitwall',
      ],
    );
  });

  test('skips a round with no date; escapes and folds long names with commas, semicolons and accents', async () => {
    const { text, events } = await eventsOf('/api/v1/seasons/test-cup-2021/calendar.ics');
    assert.equal(events.length, 2);
    assert.equal(events[0]?.summary, api.cup.rounds[0]?.name);
    assert.equal(events[0]?.location, 'Circuit Ünïcode, DEU');
    assert.equal(events[1]?.location, 'Nowhere Ring');
    assert.match(events[0]?.description ?? '', /Meeting: Spring meeting\. Race length: 6h\./);
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  });

  test('is deterministic: DTSTAMP is the last race date, and the bytes repeat', async () => {
    const first = await eventsOf('/api/v1/seasons/alms-2019-20/calendar.ics');
    assert.match(first.text, /\r\nDTSTAMP:20200223T000000Z\r\n/);
    const second = await eventsOf('/api/v1/seasons/alms-2019-20/calendar.ics');
    assert.equal(second.text, first.text);
  });

  test('404 for an unknown season', async () => {
    const response = await api.get('/api/v1/seasons/nope/calendar.ics');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not-found');
  });
});
