import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsx } from 'hono/jsx';
import { cumulativePoints, layoutChart, mergeIdentical, niceStep, spreadLabels } from './chart.ts';
import { ProgressionChart } from './chart.tsx';

const milli = (...points: number[]) => points.map((p) => p * 1000);

test('cumulative points add up round by round, exactly, halves included', () => {
  assert.deepEqual(cumulativePoints(milli(25, 25, 15, 18)), milli(25, 50, 65, 83));
  assert.deepEqual(cumulativePoints([500, 500, 0]), [500, 1000, 1000]);
  assert.deepEqual(cumulativePoints([]), []);
});

test('a crew level all season is one line with the names joined', () => {
  const crew = ['James French', 'Leonard Hoogenboom', 'Roman Rusinov'].map((label) => ({
    label,
    tag: '#26',
    cumulative: milli(25, 50, 65, 83),
  }));
  const merged = mergeIdentical([...crew, { label: 'Ben Barnicoat', tag: '#45', cumulative: milli(15, 31, 56, 82) }]);
  assert.deepEqual(
    merged.map((s) => s.label),
    ['James French / Leonard Hoogenboom / Roman Rusinov', 'Ben Barnicoat'],
  );
  // Same points, different cars: two lines.
  const twoCars = mergeIdentical([
    { label: 'A', tag: '#33', cumulative: milli(10) },
    { label: 'B', tag: '#34', cumulative: milli(10) },
  ]);
  assert.equal(twoCars.length, 2);
});

test('the y axis steps are round numbers', () => {
  assert.equal(niceStep(83, 4), 25);
  assert.equal(niceStep(100, 4), 25);
  assert.equal(niceStep(8, 4), 2);
  assert.equal(niceStep(1, 4), 0.25);
  assert.equal(niceStep(0, 4), 1);
});

test('line tags are spread at least the gap apart and kept inside the plot', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 8 }), (wanted) => {
      const placed = spreadLabels(wanted, 15, 10, 240);
      assert.equal(placed.length, wanted.length);
      const sorted = [...placed].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) assert.ok((sorted[i] ?? 0) - (sorted[i - 1] ?? 0) >= 15 - 1e-9);
      for (const y of placed) assert.ok(y <= 240 + 1e-9);
    }),
  );
  // Far-apart tags stay where they want to be.
  assert.deepEqual(spreadLabels([50, 200], 15, 0, 250), [50, 200]);
  // Two on the same spot are pushed apart, keeping their order.
  assert.deepEqual(spreadLabels([100, 100], 15, 0, 250), [100, 115]);
});

test('the layout puts the leader highest and every round on the x axis', () => {
  const layout = layoutChart({
    rounds: ['SHA', 'BEN', 'SEP', 'CHA'],
    series: [
      { label: 'G-Drive Racing with Algarve', tag: '#26', cumulative: milli(25, 50, 65, 83) },
      { label: 'Thunderhead Carlin Racing', tag: '#45', cumulative: milli(15, 31, 56, 82) },
    ],
  });
  assert.deepEqual(
    layout.xTicks.map((t) => t.label),
    ['SHA', 'BEN', 'SEP', 'CHA'],
  );
  assert.deepEqual(
    layout.yTicks.map((t) => t.label),
    ['0', '25', '50', '75', '100'],
  );
  const [gDrive, carlin] = layout.lines;
  assert.ok(gDrive && carlin);
  assert.equal(gDrive.points.length, 4);
  assert.match(gDrive.path, /^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){3}$/);
  // SVG y grows downwards: more points, smaller y.
  assert.ok((gDrive.points.at(-1)?.y ?? 0) < (carlin.points.at(-1)?.y ?? 0));
  assert.ok(gDrive.tagAt.y < carlin.tagAt.y);
  assert.equal(gDrive.total, 83_000);
  for (const p of layout.lines.flatMap((l) => l.points)) {
    assert.ok(p.x >= layout.plot.left && p.x <= layout.plot.right);
    assert.ok(p.y >= layout.plot.top && p.y <= layout.plot.bottom);
  }
});

test('mid-season, lines stop at the last round run while the axis shows the whole calendar', () => {
  const layout = layoutChart({
    rounds: ['SHA', 'BEN', 'SEP', 'CHA'],
    series: [{ label: 'A', tag: '#1', cumulative: milli(25) }],
  });
  assert.equal(layout.xTicks.length, 4);
  assert.equal(layout.lines[0]?.points.length, 1);
});

test('the chart renders as accessible inline SVG with an HTML legend', async () => {
  // A .test.ts file has no JSX syntax: the element is built with jsx().
  const element = jsx(ProgressionChart, {
    id: 'lmp2-teams-chart',
    title: 'LMP2 teams: points after each round',
    input: {
      rounds: ['SHA', 'BEN'],
      series: [{ label: 'G-Drive Racing with Algarve', tag: '#26', cumulative: milli(25, 50) }],
    },
  });
  const html = String(await element.toString());
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="lmp2-teams-chart-title lmp2-teams-chart-desc"/);
  assert.match(html, /<title id="lmp2-teams-chart-title">LMP2 teams: points after each round<\/title>/);
  assert.match(html, /<desc id="lmp2-teams-chart-desc">G-Drive Racing with Algarve: 50 points<\/desc>/);
  assert.match(html, /<path d="M[^"]+"/);
  assert.match(html, /<li>.*#26.*G-Drive Racing with Algarve — 50<\/li>/);
});
