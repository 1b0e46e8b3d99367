/**
 * `loadYaml` reads plain YAML with js-yaml and the rest with `yaml` (see yaml-source.ts). Here,
 * against `yaml` alone with the core schema and the rule that a number written with a leading
 * zero stays text: the same data, and the same texts refused, for the project's own files, for
 * every edge of the core schema's scalars, and for thousands of damaged season files.
 */
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadYaml, positionOfPath } from './yaml-source.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What `yaml` alone makes of the text: its data, or that it refuses it. */
function reference(text: string): { ok: true; data: unknown } | { ok: false } {
  const document = parseDocument(text, {
    logLevel: 'error',
    customTags: (tags) => [
      {
        tag: 'tag:yaml.org,2002:str',
        default: true,
        test: /^[-+]?0[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (source: string) => source,
        identify: () => false,
      },
      ...tags,
    ],
  });
  if (document.errors.length > 0) return { ok: false };
  try {
    return { ok: true, data: document.toJS() };
  } catch {
    return { ok: false };
  }
}

function assertSameAsReference(text: string): void {
  const expected = reference(text);
  const loaded = loadYaml(text);
  assert.equal(loaded.ok, expected.ok, `accepted by one reader only:\n${text}`);
  if (loaded.ok && expected.ok) assert.deepEqual(loaded.value.data, expected.data, text);
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const BUNDLED = readFileSync(join(ROOT, 'data/seasons/alms-2019-20.yaml'), 'utf8');

test("every YAML file of the project's own reads as yaml reads it", () => {
  const files = ['data', 'test/fixtures', 'docs'].flatMap((folder) => yamlFiles(join(ROOT, folder)));
  assert.ok(files.length >= 20, `only ${files.length} files found`);
  for (const file of files) assertSameAsReference(readFileSync(file, 'utf8'));
});

test('plain scalars: the YAML 1.2 core schema, and a number with a leading zero is text', () => {
  const expectations: [string, unknown][] = [
    ['007', '007'],
    ['-007', '-007'],
    ['00.5', '00.5'],
    ['0.5', 0.5],
    ['0', 0],
    ['-0', -0],
    ['+12', 12],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', '0b101'],
    ['1_000', '1_000'],
    ['1e3', 1000],
    ['1e400', Infinity],
    ['-.inf', -Infinity],
    ['.NaN', NaN],
    ['1.', 1],
    ['.5', 0.5],
    ['~', null],
    ['', null],
    ['Null', null],
    ['nUll', 'nUll'],
    ['True', true],
    ['FALSE', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['2019-11-23', '2019-11-23'],
    ['12:30', '12:30'],
  ];
  for (const [plain, value] of expectations) {
    const text = `v: ${plain}\n`;
    const loaded = loadYaml(text);
    assert.ok(loaded.ok, text);
    assert.deepEqual(loaded.value.data, { v: value }, text);
    assertSameAsReference(text);
    assertSameAsReference(`- ${plain}\n`);
    assertSameAsReference(`{ a: [${plain}] }\n`);
  }
});

test('what plain YAML leaves out still reads as yaml reads it: anchors, tags, directives, keys that are not text', () => {
  for (const text of [
    'a: &x { b: 1 }\nc: *x\n',
    'a: !!str 12\nb: !!int "12"\n',
    '%YAML 1.2\n---\na: 1\n',
    '1: one\ntrue: yes\n~: none\n',
    '? [a, b]\n: c\n',
    'a: 1\n---\nb: 2\n',
    '',
    '# only a comment\n',
    'a: 1\na: 2\n',
    'a: [1, 2\n',
  ]) {
    assertSameAsReference(text);
  }
  // `__proto__` is a key like any other, and sets no prototype.
  const proto = loadYaml('a: { __proto__: { polluted: 1 } }\n');
  assert.ok(proto.ok);
  assertSameAsReference('a: { __proto__: { polluted: 1 } }\n');
  const a = (proto.value.data as { a: object }).a;
  assert.deepEqual(Object.keys(a), ['__proto__']);
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.equal((a as { polluted?: unknown }).polluted, undefined);
  // An alias bomb is refused, not expanded.
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (const name of 'bcdefghij')
    bomb.push(
      `${name}: &${name} [${Array(10)
        .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
        .join(', ')}]`,
    );
  assert.equal(loadYaml(bomb.join('\n')).ok, false);
});

test('a damaged season file is refused or read exactly as yaml does', () => {
  const pieces = [':', '-', '"', "'", '\t', '#', '{', '}', '[', ']', '\n', ' ', '  ', ',', '?', '|', '>'];
  const more = ['&a ', '*a', '!', '%', '007', '1e400', '~', '\\', 'null', '\n  - x', ': y', '0x1F', 'True'];
  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 3 }),
    piece: fc.constantFrom(...pieces, ...more),
  });
  const lines = BUNDLED.split('\n');
  fc.assert(
    fc.property(fc.nat({ max: lines.length - 40 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (from, edits) => {
      let text = lines.slice(from, from + 40).join('\n');
      for (const { at, cut, piece } of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + piece + text.slice(i + cut);
      }
      assertSameAsReference(text);
    }),
    { numRuns: 1500 },
  );
});

test('a position asked of plain YAML is where the value is written', () => {
  const loaded = loadYaml('a: 1\nb:\n  c: [1, 2]\n  d:\n    - { e: x }\n    - |\n      text\n');
  assert.ok(loaded.ok);
  assert.equal(positionOfPath(loaded.value, ['b', 'c']).line, 3);
  assert.equal(positionOfPath(loaded.value, ['b', 'd', 1]).line, 6);
  // A missing field is at its nearest parent.
  assert.equal(positionOfPath(loaded.value, ['b', 'd', 0, 'missing']).line, 5);
});
