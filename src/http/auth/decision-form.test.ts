/**
 * The decision body the OpenAPI document shows (one shape per kind) and what the office requires
 * of each kind cannot drift: for every kind, the fields the schema needs are those the office
 * says are required when missing; and a body of each shape is read and recorded as it says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { checkDecision } from '../../domain/decision-checks.ts';
import { DECISION_KINDS } from '../../domain/decisions.ts';
import type { StewardDecision } from '../../domain/decisions.ts';
import { buildSeason, car, line, race } from '../../../test/support/season-builder.ts';
import { DECISION_BODY, decisionDraftOf, FORM_FIELDS } from './decision-form.ts';

const season = buildSeason({
  entries: [car('26', 'LMP2', ['Roman RUSINOV']), car('7', 'GT', ['Takeshi KIMURA'])],
  races: [race(1, [{ ...line('26'), laps: 114, totalTimeMs: 14_400_000 }, line('7', 'Ret')])],
});
const issued: StewardDecision = { id: 'r1-a', kind: 'exclusion', car: '7', round: 1, reason: 'x', by: 'S', at: 'now' };

const members = (DECISION_BODY as unknown as { options: z.ZodObject[] }).options;
const memberOf = (kind: string) => members.find((m) => m.shape.kind?.safeParse(kind).success);
const needed = (member: z.ZodObject) =>
  Object.keys(member.shape).filter((f) => !(member.shape[f] as z.ZodType).safeParse(undefined).success);

test('the schema has one shape per kind, and needs what the office requires of it', () => {
  assert.equal(members.length, DECISION_KINDS.length);
  for (const kind of DECISION_KINDS) {
    const member = memberOf(kind);
    assert.ok(member, kind);
    const draft = decisionDraftOf({ kind, reason: 'Stewards' }, 1);
    assert.ok(draft.ok, kind);
    const checked = checkDecision(season, [issued], draft.value);
    assert.ok(!checked.ok, kind);
    const required = checked.error.filter((p) => p.code === 'required').map((p) => FORM_FIELDS[p.path[0]]);
    const schema = needed(member).filter((f) => f !== 'kind' && f !== 'reason');
    // A points deduction needs a car, a driver or both: the schema cannot say "one of", the office does (on car).
    assert.deepEqual(required.sort(), kind === 'points-deduction' ? [...schema, 'car'].sort() : schema.sort(), kind);
  }
});

test('a body of each shape is read and recorded as it was sent', () => {
  const bodies: Record<string, unknown>[] = [
    { kind: 'time-penalty', car: '26', seconds: '51.075', laps: 2, reason: 'Pit lane speeding' },
    { kind: 'drop-positions', car: '26', positions: 1, reason: 'Blocking' },
    { kind: 'disqualification', car: '26', reason: 'Ride height' },
    { kind: 'exclusion', car: '26', reason: 'Refuelling', regulation: 'Art. 10.3' },
    { kind: 'points-deduction', class: 'LMP2', car: '26', points: '0.5', reason: 'Drive time' },
    { kind: 'reversal', reverses: 'r1-a', reason: 'Appeal upheld' },
  ];
  assert.deepEqual(
    bodies.map((b) => b.kind),
    [...DECISION_KINDS],
  );
  for (const body of bodies) {
    assert.ok(DECISION_BODY.safeParse(body).success, JSON.stringify(body));
    const draft = decisionDraftOf(body, 1);
    assert.ok(draft.ok, JSON.stringify(body));
    const checked = checkDecision(season, [issued], draft.value);
    assert.ok(checked.ok, `${JSON.stringify(body)}: ${JSON.stringify(!checked.ok && checked.error)}`);
    assert.equal(checked.value.kind, body.kind);
  }
  const penalty = decisionDraftOf(bodies[0]!, 1);
  assert.ok(penalty.ok);
  assert.equal(penalty.value.timeMs, 51_075);
});

test('what the reader refuses for its type, the schema refuses too, each field named', () => {
  const body = { kind: 'drop-positions', car: { $gt: '' }, positions: '0x10', reason: 'a\u0000b' };
  assert.ok(!DECISION_BODY.safeParse(body).success);
  const draft = decisionDraftOf(body, 1);
  assert.ok(!draft.ok);
  assert.deepEqual(
    draft.error.map((i) => [i.path?.[0], i.code]),
    [
      ['reason', 'bad-character'],
      ['car', 'not-text'],
      ['positions', 'not-a-number'],
    ],
  );
});
