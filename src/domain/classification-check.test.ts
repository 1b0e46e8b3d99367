import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComputedLine, PublishedLine } from './classification-check.ts';
import { compareClassifications } from './classification-check.ts';

const computed = (car: string, cls: string, status: ComputedLine['status'], laps: number): ComputedLine => ({
  position: 0,
  classPosition: 0,
  car,
  class: cls,
  team: `Team ${car}`,
  status,
  laps,
  elapsedMs: 0,
  tookFlag: status === 'Classified',
  requiredLaps: 0,
  stoppedOnLastLap: false,
});

/** Positions as the lines come: overall 1, 2, 3…, in class counted per class. */
function numbered(lines: ComputedLine[]): ComputedLine[] {
  const perClass = new Map<string, number>();
  return lines.map((line, i) => {
    const classPosition = (perClass.get(line.class) ?? 0) + 1;
    perClass.set(line.class, classPosition);
    return { ...line, position: i + 1, classPosition };
  });
}

const ours = numbered([
  computed('7', 'GTP', 'Classified', 353),
  computed('40', 'GTP', 'Classified', 345),
  computed('22', 'LMP2', 'Classified', 342),
]);

test('the same classification: no difference', () => {
  const theirs: PublishedLine[] = ours.map((l) => ({ car: l.car, class: l.class, status: l.status, laps: l.laps }));
  assert.deepEqual(compareClassifications(ours, theirs), []);
});

test('a car placed or classified otherwise, one with other laps, one on one side only: each said once', () => {
  const theirs: PublishedLine[] = [
    { car: '7', class: 'GTP', status: 'Classified', laps: 352 },
    { car: '22', class: 'LMP2', status: 'Classified' },
    { car: '40', class: 'GTP', status: 'Ret', laps: 345 },
    { car: '99', class: 'LMP2', status: 'DNS', laps: 0 },
  ];
  assert.deepEqual(compareClassifications(ours, theirs), [
    {
      car: '7',
      class: 'GTP',
      computed: { position: 1, classPosition: 1, status: 'Classified', laps: 353 },
      published: { position: 1, classPosition: 1, status: 'Classified', laps: 352 },
    },
    {
      car: '40',
      class: 'GTP',
      computed: { position: 2, classPosition: 2, status: 'Classified', laps: 345 },
      published: { position: 3, classPosition: 2, status: 'Ret', laps: 345 },
    },
    {
      car: '22',
      class: 'LMP2',
      computed: { position: 3, classPosition: 1, status: 'Classified', laps: 342 },
      published: { position: 2, classPosition: 1, status: 'Classified' },
    },
    { car: '99', class: 'LMP2', published: { position: 4, classPosition: 2, status: 'DNS', laps: 0 } },
  ]);
  // A car the published sheet does not have.
  assert.deepEqual(
    compareClassifications(ours, theirs.slice(0, 2)).find((d) => d.car === '40'),
    {
      car: '40',
      class: 'GTP',
      computed: { position: 2, classPosition: 2, status: 'Classified', laps: 345 },
    },
  );
});
