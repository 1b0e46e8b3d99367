/**
 * The lint configuration itself (eslint.config.js): the layers and the ban on cycles are rules,
 * so a probe that breaks one must fail the linter, and one that follows them must not. Run
 * through ESLint's own API on the repository's config; the type-aware rules are left out (the
 * probes are not in the TypeScript project, and they are not what is tested here).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** The rules a probe file at `path` (from the repository's root) breaks: `rule: message`. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  assert.ok(result);
  return result.messages.map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
}

const importing = (specifier: string) => `import * as probe from '${specifier}';\nexport { probe };\n`;

test('a probe import from src/formats/timing/ into src/store/ fails the linter, naming the layer', async () => {
  const errors = await broken('src/formats/timing/lint-probe.ts', importing('../../store/database.ts'));
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(
    errors[0]!,
    /^import-x\/no-restricted-paths: .*"\.\.\/\.\.\/store\/database\.ts".*src\/formats may import/,
  );
});

test('every layer refuses what lies outside it, however deep the importing file', async () => {
  const refused: [string, string][] = [
    ['src/domain/lint-probe.ts', '../formats/season-file.ts'],
    ['src/domain/deep/er/lint-probe.ts', '../../../app/office.ts'],
    ['src/formats/lint-probe.ts', '../live/race-state.ts'],
    ['src/formats/lint-probe.ts', '../app/office.ts'],
    ['src/live/lint-probe.ts', '../app/office.ts'],
    ['src/live/lint-probe.ts', '../store/database.ts'],
    ['src/live/client/lint-probe.ts', '../../http/pages/format.ts'],
    ['src/live/client/lint-probe.ts', '../live-view.ts'],
    ['src/live/client/lint-probe.ts', '../../formats/season-file.ts'],
    ['src/browser/lint-probe.ts', '../http/app.ts'],
    ['src/store/lint-probe.ts', '../app/office.ts'],
    ['src/app/lint-probe.ts', '../http/app.ts'],
    ['src/app/lint-probe.ts', '../cli/program.ts'],
    ['src/http/lint-probe.ts', '../cli/program.ts'],
    ['src/http/api/lint-probe.ts', '../../../test/support/database.ts'],
    ['src/cli/lint-probe.ts', '../../bench/all.ts'],
  ];
  for (const [file, specifier] of refused) {
    const errors = await broken(file, importing(specifier));
    assert.ok(
      errors.some((e) => e.startsWith('import-x/no-restricted-paths:')),
      `${file} importing ${specifier}: ${errors.join('; ') || 'no error'}`,
    );
  }
});

test('what the layers allow passes: inward imports, and the browser code both sides share', async () => {
  const allowed: [string, string][] = [
    ['src/formats/timing/lint-probe.ts', '../../domain/season.ts'],
    ['src/live/lint-probe.ts', '../formats/timing/lap-analysis-csv.ts'],
    ['src/store/lint-probe.ts', '../domain/season.ts'],
    ['src/app/lint-probe.ts', '../store/database.ts'],
    ['src/app/lint-probe.ts', '../live/race-state.ts'],
    ['src/http/pages/lint-probe.ts', '../../browser/class-tones.ts'],
    ['src/http/lint-probe.ts', '../app/office.ts'],
    ['src/cli/lint-probe.ts', '../http/server.ts'],
    ['src/live/client/lint-probe.ts', '../delta.ts'],
    ['src/live/client/lint-probe.ts', '../../browser/class-tones.ts'],
    ['test/lint-probe.ts', '../src/store/database.ts'],
  ];
  for (const [file, specifier] of allowed) {
    assert.deepEqual(await broken(file, importing(specifier)), [], `${file} importing ${specifier}`);
  }
});

test('the pure layers import no Node built-in; the outer ones may', async () => {
  for (const layer of ['domain', 'formats', 'live', 'browser', 'live/client']) {
    for (const specifier of ['node:fs', 'fs', 'node:http']) {
      const errors = await broken(`src/${layer}/lint-probe.ts`, importing(specifier));
      assert.ok(
        errors.some((e) => /^no-restricted-imports: .*no Node built-ins/.test(e)),
        `src/${layer} importing ${specifier}: ${errors.join('; ') || 'no error'}`,
      );
    }
  }
  assert.deepEqual(await broken('src/store/lint-probe.ts', importing('node:fs')), []);
});

/** Two files that import each other, on disk (the cycle rule reads the imported file). */
let cycle = '';
before(async () => {
  cycle = await mkdtemp(join(ROOT, 'src', 'lint-probe-'));
  await writeFile(join(cycle, 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
  await writeFile(join(cycle, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
});
after(async () => {
  if (cycle) await rm(cycle, { recursive: true, force: true });
});

test('two files that import each other fail the linter, each naming the cycle', async () => {
  const results = await eslint.lintFiles([join(cycle, 'a.ts'), join(cycle, 'b.ts')]);
  assert.equal(results.length, 2);
  for (const result of results) {
    assert.deepEqual(
      result.messages.map((m) => [m.ruleId, m.line]),
      [['import-x/no-cycle', 1]],
      basename(result.filePath),
    );
  }
});

test('a one-way import between the same two files is no cycle', async () => {
  const errors = await broken(`src/${basename(cycle)}/c.ts`, importing('./a.ts'));
  assert.deepEqual(errors, []);
});
