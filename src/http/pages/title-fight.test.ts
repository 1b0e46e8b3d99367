import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';
import type { WhatIfData } from '../../browser/title-what-if.ts';

let portal: ApiFixture;
before(async () => {
  portal = await openApiFixture();
});
after(() => portal.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

async function page(path: string) {
  const response = await portal.get(path);
  assert.equal(response.status, 200, path);
  return response.text();
}

test('before Buriram with the pole known: three contenders, one sentence each, their chances, the invitation', async () => {
  const html = await page('/seasons/alms-2019-20/title/lmp2?beforeRound=4&pole=1');
  const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="points">([\d.]+)<\/td>/g)].map((m) => [
    m[1],
    m[2],
  ]);
  assert.deepEqual(rows, [
    ['G-Drive Racing with Algarve', '65'],
    ['Thunderhead Carlin Racing', '57'],
    ['Eurasia Motorsport #36', '55'],
  ]);
  const needs = [
    ...(html.match(/<ul class="title-needs" id="needs">(.*?)<\/ul>/)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g),
  ].map((m) => text(m[1] ?? ''));
  assert.equal(needs.length, 3, 'one sentence per contender');
  assert.equal(
    needs[0],
    'G-Drive is champion with 2nd or better; with 3rd unless Thunderhead Carlin wins; ' +
      'with 4th or 5th unless Thunderhead Carlin or Eurasia #36 wins; ' +
      "with 6th, 7th or no finish, if the others' results help.",
  );
  assert.doesNotMatch(html, /finishes 1st/, 'no sentence names a first place another car of it holds');
  assert.match(html, /<details class="title-cases" id="cases"><summary>Every case, result by result<\/summary>/);
  assert.equal([...html.matchAll(/class="chance-text">\d+(\.\d)?%/g)].length, 3);
  assert.match(html, /#26 G-Drive Racing with Algarve: LMP2 champions/);
  assert.match(html, /<script type="module" src="\/assets\/title\.js\?v=[\w-]+"><\/script>/);
});

test('a finished season says how the title was decided, and its calculator opens on what happened: 83 to 82', async () => {
  const html = await page('/seasons/alms-2019-20/title/lmp2');
  assert.match(
    text(html),
    /The season is over: G-Drive Racing with Algarve won the LMP2 teams’ title with 83 points, 1 point ahead of Thunderhead Carlin Racing \(82\), decided at round 4, 4 Hours of Buriram\./,
  );
  assert.doesNotMatch(text(html), /^Before round 4/m);
  assert.match(html, /aria-label="Before round 4, 4 Hours of Buriram" aria-current="page" class="current">4<\/a>/);
  assert.match(
    text(html),
    /G-Drive Racing with Algarve is champion with 83 points, 1 point ahead of Thunderhead Carlin Racing\./,
  );
  const table = html.match(/<table class="what-if-table" id="what-if-table">(.*?)<\/table>/)?.[1] ?? '';
  const first = [
    ...table.matchAll(
      /<tr class="champion"><td class="num">(\d+)<\/td><th scope="row">([^<]+)<\/th><td class="num">([\d.]+)<\/td>/g,
    ),
  ];
  assert.deepEqual(
    first.map((m) => [m[1], m[2], m[3]]),
    [['1', 'G-Drive Racing with Algarve', '83']],
  );
  // What the script computes with: the season before the round, cut to the class, and the question.
  const json = html.match(/<script type="application\/json" id="what-if-data">(.*?)<\/script>/)?.[1];
  assert.ok(json, 'the calculator carries its data');
  const data = JSON.parse(json) as WhatIfData;
  assert.deepEqual(data.question, { classId: 'LMP2', kind: 'teams', beforeRound: 4, poleKnown: false });
  assert.deepEqual(data.contenders, ['26', '45', '36']);
  assert.ok(data.before.races.every((r) => r.round < 4));
  assert.ok(data.before.entries.every((e) => e.class === 'LMP2'));
});

test('teams and drivers tabs, the round picker, and a pole not known said rather than refused', async () => {
  const html = await page('/seasons/alms-2019-20/title/lmp2?beforeRound=3');
  assert.match(html, /<a href="\/seasons\/alms-2019-20\/title\/lmp2\?beforeRound=3" aria-current="page">Teams<\/a>/);
  assert.match(html, /<a href="\/seasons\/alms-2019-20\/title\/lmp2\?kind=drivers&amp;beforeRound=3">Drivers<\/a>/);
  assert.match(text(html), /Below: the fight as it stood before round 3, 4 Hours of Sepang/);
  assert.match(text(html), /G-Drive leads and can reach 102 points\./);
  assert.match(html, /<caption class="visually-hidden">Table after round 3<\/caption>/);
  const drivers = await page('/seasons/alms-2019-20/title/lmp2?kind=drivers&beforeRound=4');
  assert.match(text(drivers), /James French, Leonard Hoogenboom and Roman Rusinov/);
  assert.match(text(drivers), /James French \(#26\) is champion with 2nd or better/);
  const noPole = await page('/seasons/alms-2019-20/title/gt-am?beforeRound=2&pole=1');
  assert.match(
    noPole,
    /Round 2 \(4 Hours of The Bend\) has no GT Am pole in the season: its qualifying is not known: shown without it\./,
  );
});

test('an unknown class, kind or round is a 404; the script and the stylesheet are served', async () => {
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp9')).status, 404);
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp2?beforeRound=9')).status, 404);
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp2?beforeRound=x')).status, 404);
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp2?kind=cars')).status, 404);
  const html = await page('/seasons/alms-2019-20/title/lmp2');
  for (const href of [...html.matchAll(/(\/assets\/title\.(?:js|css)\?v=[\w-]+)/g)].map((m) => m[1] ?? '')) {
    const asset = await portal.get(href);
    assert.equal(asset.status, 200, href);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  }
  const script = await (await portal.get('/assets/title.js')).text();
  assert.match(script, /what-if-data/, 'the bundled calculator');
});

test('every class, championship and moment of 2019–20 renders, with a sentence per contender and a calculator', async () => {
  let pages = 0;
  for (const carClass of portal.alms.classes) {
    for (const kind of ['teams', 'drivers']) {
      for (const round of portal.alms.rounds) {
        const poles = portal.alms.races.some((r) => r.round === round.round && (r.poles[carClass.id] ?? []).length > 0);
        for (const pole of poles ? ['0', '1'] : ['0']) {
          const slug = carClass.id.toLowerCase().replace(/ /g, '-');
          const html = await page(
            `/seasons/alms-2019-20/title/${slug}?kind=${kind}&beforeRound=${round.round}&pole=${pole}`,
          );
          const sentences = html.match(/<ul class="title-needs" id="needs">(.*?)<\/ul>/)?.[1] ?? '';
          assert.ok((sentences.match(/<li>/g) ?? []).length > 0, `${carClass.id} ${kind} ${round.round}: sentences`);
          // The calculator, whenever a car of the class is entered for the round (GT Am's one car is not, late on).
          const entered = portal.alms.entries.some(
            (e) =>
              (e.class === carClass.id ||
                portal.alms.classes.find((k) => k.id === e.class)?.alsoClassifiedIn.includes(carClass.id)) &&
              e.drivers.some((d) => d.rounds === 'all' || d.rounds.includes(round.round)),
          );
          assert.equal(
            html.includes('<table class="what-if-table" id="what-if-table">'),
            entered,
            `${carClass.id} ${round.round}`,
          );
          assert.doesNotMatch(html, /undefined|NaN/, `${carClass.id} ${kind} ${round.round} ${pole}`);
          pages += 1;
        }
      }
    }
  }
  assert.ok(pages >= portal.alms.classes.length * 2 * portal.alms.rounds.length);
});
