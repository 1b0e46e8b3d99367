import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import type { Office } from '../../app/office.ts';
import { openOffice } from '../../app/office.ts';
import { databaseKind, openTestDatabase } from '../../../test/support/database.ts';
import { parseSeasonFile, serializeSeasonFile } from '../../formats/season-file.ts';
import { pageRoutes } from './routes.tsx';

const BUNDLED = new URL('../../../data/seasons/alms-2019-20.yaml', import.meta.url);
const EXAMPLE = new URL('../../../test/fixtures/issue-example.yaml', import.meta.url);
const SEASON = '/seasons/alms-2019-20';

let office: Office;
let app: Hono;

before(async () => {
  office = await openOffice(await openTestDatabase());
  const imported = await office.importSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms-2019-20.yaml');
  assert.ok(imported.ok);
  app = pageRoutes(office, { today: () => '2026-01-01' });
});
after(() => office.close());

async function page(path: string, status = 200): Promise<string> {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  const html = await response.text();
  assert.match(html, /^<!doctype html><html lang="en">/);
  return html;
}

/** The text of the page without tags, so assertions read like what a person sees. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',');

test(`the LMP2 teams table puts G-Drive (83) above Carlin (82) (${databaseKind()})`, async () => {
  const text = textOf(await page(`${SEASON}/standings/lmp2/teams`));
  const gDrive = text.indexOf('G-Drive Racing with Algarve');
  const carlin = text.indexOf('Thunderhead Carlin Racing');
  assert.ok(gDrive !== -1 && carlin > gDrive);
  assert.match(text, /G-Drive Racing with Algarve Aurus 01 1 1 3 2 83/);
  assert.match(text, /Thunderhead Carlin Racing Dallara P217 3 3 \(pole\) 1 1 \(pole\) 82/);
});

test('standings cells carry the colour key, poles are marked, and a chart and CSV link come with each table', async () => {
  const html = await page(`${SEASON}/standings?class=lmp2`);
  assert.match(html, /<td class="result key-gold"[^>]*>1<\/td>/);
  assert.match(html, /<td class="result key-bronze pole"[^>]*>3<span class="visually-hidden"> \(pole\)<\/span><\/td>/);
  assert.match(html, /<td class="result key-retired"[^>]*>Ret<\/td>/);
  assert.match(html, /<td class="result key-wd"[^>]*>WD<\/td>/);
  assert.match(html, /Other points position/);
  assert.match(html, /<caption[^>]*><span class="caption-text">LMP2 Teams&#39; Championship<\/span><\/caption>/);
  assert.match(html, /<th scope="col"/);
  assert.equal(html.match(/<svg viewBox="0 0 520 280" role="img"/g)?.length, 2);
  assert.ok(html.includes('href="/api/v1/seasons/alms-2019-20/standings.csv?class=LMP2&amp;kind=drivers"'));
  // One class only.
  assert.ok(!html.includes('LMP3 Teams'));
});

test('the whole season standings list every class, teams then drivers', async () => {
  const text = textOf(await page(`${SEASON}/standings`));
  const order = ['LMP2 Teams', 'LMP2 Drivers', 'LMP2 Am Teams', 'LMP3 Teams', 'GT Teams', 'GT Am Drivers'].map((t) =>
    text.indexOf(`${t}' Championship`),
  );
  assert.ok(
    order.every((at, i) => at !== -1 && (i === 0 || at > (order[i - 1] ?? 0))),
    String(order),
  );
});

test('home, after the season: the last round, and the champions of each class', async () => {
  const text = textOf(await page('/'));
  assert.match(text, /Last round Round 4: 4 Hours of Buriram/);
  assert.match(text, /Season complete/);
  assert.match(text, /LMP2 teams .* G-Drive Racing with Algarve 83/);
  // A crew sharing a position is one line.
  assert.match(text, /1 James French Leonard Hoogenboom Roman Rusinov 83/);
  // The last round's winner of each class, and why a class has none.
  assert.match(
    text,
    /Last round .* LMP2 #45 Thunderhead Carlin Racing LMP2 Am #25 Rick Ware Racing .* GT Am No entries/,
  );
});

test('home, mid-season: the last round run and the next one, for the date given', async () => {
  const own = await openOffice(await openTestDatabase());
  try {
    // The bundled season as it stood after Shanghai: only round 1's results.
    const full = parseSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms.yaml');
    assert.ok(full.ok);
    const afterShanghai = { ...full.value, races: full.value.races.filter((r) => r.round === 1) };
    assert.ok((await own.importSeasonFile(serializeSeasonFile(afterShanghai), 'after-shanghai.yaml')).ok);
    const pages = pageRoutes(own, { today: () => '2019-12-01' });
    const text = textOf(await (await pages.request('/')).text());
    assert.match(
      text,
      /Last round Round 1: 4 Hours of Shanghai .* LMP2 #26 G-Drive Racing with Algarve .* GT Am No finisher/,
    );
    assert.match(text, /Next round Round 2: 4 Hours of The Bend The Bend Motorsport Park · 12 Jan 2020/);
    assert.match(text, /Leaders LMP2 LMP2 teams Pos. Team Points 1 #26 G-Drive Racing with Algarve 25/);
    assert.doesNotMatch(text, /Season complete/);
  } finally {
    await own.close();
  }
});

test('season: calendar with results links, classes, entry list with flags, ratings and rounds, iCal link', async () => {
  const html = await page(SEASON);
  const text = textOf(html);
  assert.ok(html.includes(`href="${SEASON}/rounds/1"`));
  assert.ok(html.includes('href="/api/v1/seasons/alms-2019-20/calendar.ics"'));
  assert.match(html, /<img class="flag" src="\/assets\/flags\/ru\.svg\?v=[\w-]+" alt="Russia" title="Russia"/);
  assert.match(text, /Nick Cassidy Platinum Rounds: 2–4/);
  assert.match(text, /Roman Rusinov Gold Rounds: All/);
  assert.match(text, /GT Am 1 car, also classified in GT/);
});

test('results: class positions, crews, laps, the pole and the overall winner', async () => {
  const html = await page(`${SEASON}/rounds/4`);
  const text = textOf(html);
  assert.match(html, /<tr class="overall-winner">/);
  assert.match(text, /Pole: #45 Thunderhead Carlin Racing/);
  assert.match(text, /Thunderhead Carlin Racing Dallara P217 Overall winner Pole Ben Barnicoat .* 157 Classified 26/);
  assert.match(text, /K2 Uchino Racing Oreca 07 .* 155 \+2 laps Classified/);
});

test('driver and team pages: seasons, cars, classes, cells and positions', async () => {
  const driver = textOf(await page('/drivers/roman-rusinov'));
  assert.match(driver, /Roman Rusinov/);
  assert.match(driver, /2019–20 Asian Le Mans Series LMP2 #26 G-Drive Racing with Algarve Aurus 01 Gold 1 83/);
  const team = textOf(await page('/teams/eurasia-motorsport'));
  assert.match(team, /#1 Ligier JS P217 LMP2 .*Nick Cassidy/);
  assert.match(team, /3 #36 .* 2 \(pole\) 2 2 5 65/);
});

test('history: classes and champions per season, stored seasons linked', async () => {
  const html = await page('/history');
  const text = textOf(html);
  assert.match(text, /2018–19 champions Class Drivers Teams LMP2 Paul di Resta, Phil Hanson United Autosports/);
  assert.match(text, /2014 champions Class Drivers Teams LMP2 David Cheng, Ho-Pin Tung OAK Racing CN Kevin Tse/);
  // What the source does not give is said, not left blank.
  assert.match(
    text,
    /2017–18 .* LMP2 Harrison Newey, Stéphane Richelmi, Thomas Laurent The source gives no teams' champions/,
  );
  assert.match(text, /Also listed by the source, without saying which class each won/);
  assert.ok(html.includes('<a href="/seasons/alms-2019-20">2019–20</a>'));
  // The stored season, computed: champions of every class.
  assert.match(
    text,
    /2019–20 champions .*LMP2 James French, Leonard Hoogenboom, Roman Rusinov G-Drive Racing with Algarve/,
  );
});

test('unknown seasons, rounds, classes, tables, drivers, teams and pages are HTML 404s', async () => {
  for (const path of [
    '/seasons/nope',
    `${SEASON}/rounds/9`,
    `${SEASON}/rounds/one`,
    `${SEASON}/standings?class=lmp9`,
    `${SEASON}/standings/lmp2/cars`,
    `${SEASON}/standings/lmp9/teams`,
    '/drivers/nobody',
    '/teams/nobody',
    '/no/such/page',
  ]) {
    assert.match(await page(path, 404), /<h1>Not found<\/h1>/, path);
  }
});

test('API paths are left to the API', async () => {
  const response = await app.request('/api/v1/nope');
  assert.equal(response.status, 404);
  assert.notEqual(response.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('pages are cached with an ETag and answer 304 when the client has them', async () => {
  const first = await app.request(`${SEASON}/standings`);
  const etag = first.headers.get('etag');
  assert.ok(etag);
  assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
  const again = await app.request(`${SEASON}/standings`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await app.request(`${SEASON}/standings?class=gt`, { headers: { 'if-none-match': etag } });
  assert.equal(other.status, 200);
});

test('the stylesheet is served with a content hash, for a year at its versioned URL', async () => {
  const html = await page('/history');
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  assert.match(href ?? '', /^\/assets\/pitwall\.css\?v=[\w-]+$/);
  const css = await app.request(href ?? '');
  assert.equal(css.status, 200);
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.match(css.headers.get('cache-control') ?? '', /immutable/);
  assert.match(await css.text(), /prefers-color-scheme: dark/);
  const cached = await app.request(href ?? '', { headers: { 'if-none-match': css.headers.get('etag') ?? '' } });
  assert.equal(cached.status, 304);
});

test('a change to the data is on the next request: the cache follows the revision', async () => {
  const own = await openOffice(await openTestDatabase());
  try {
    assert.ok((await own.importSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms.yaml')).ok);
    const pages = pageRoutes(own);
    const before = await pages.request(`${SEASON}/standings/lmp2/teams`);
    assert.match(await before.text(), /Eurasia Motorsport/);
    // The issue's example: the same season, two rounds and fewer cars.
    assert.ok((await own.importSeasonFile(await readFile(EXAMPLE, 'utf8'), 'example.yaml')).ok);
    const changed = await pages.request(`${SEASON}/standings/lmp2/teams`);
    assert.notEqual(changed.headers.get('etag'), before.headers.get('etag'));
    assert.doesNotMatch(await changed.text(), /BEN.*SEP/s);
  } finally {
    await own.close();
  }
});
