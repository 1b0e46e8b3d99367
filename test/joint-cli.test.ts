import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
const fixture = (name: string) => new URL(`fixtures/joint/${name}`, import.meta.url).pathname;

test('pitwall joint FILE --format json gives the joint tables', () => {
  const out = execFileSync(process.execPath, [bin, 'joint', fixture('gt-joint.yaml'), '--format', 'json'], {
    encoding: 'utf8',
  });
  const doc = JSON.parse(out) as { standings: { kind: string; rows: { points: number }[] }[] };
  assert.deepEqual(
    doc.standings.map((t) => [t.kind, t.rows.map((r) => r.points)]),
    [
      ['teams', [24, 11, 10, 10]],
      ['drivers', [24, 11, 10, 10, 6]],
    ],
  );
});

test('pitwall joint: a class not in its season file is an error at the line of the part', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pitwall-joint-'));
  const file = join(dir, 'joint.yaml');
  const text = readFileSync(fixture('gt-joint.yaml'), 'utf8')
    .replace('endurance-a.yaml', fixture('endurance-a.yaml'))
    .replace('sprint-b.yaml, class: GT3', `${fixture('sprint-b.yaml')}, class: GTX`);
  writeFileSync(file, text);
  const line = text.split('\n').findIndex((l) => l.includes('GTX')) + 1;
  try {
    execFileSync(process.execPath, [bin, 'joint', file], { encoding: 'utf8', stdio: 'pipe' });
    assert.fail('expected exit code 1');
  } catch (error) {
    const e = error as { status: number; stderr: string };
    assert.equal(e.status, 1);
    assert.match(e.stderr, new RegExp(`joint\\.yaml:${line}: unknown-class class "GTX"`));
  } finally {
    rmSync(dir, { recursive: true });
  }
});
