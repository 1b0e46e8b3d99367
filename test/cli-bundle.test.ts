/**
 * bin/cli-bundle.js in a project of its own (a temp folder with a two-file `src/`): the command
 * runs from a bundle of the sources as they are now — an edit makes a new one — and files beside
 * a module are found from its source's folder.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ESBUILD = dirname(createRequire(import.meta.url).resolve('esbuild/package.json'));

let project: string;
before(async () => {
  project = await mkdtemp(join(tmpdir(), 'pitwall-bundle-'));
  await mkdir(join(project, 'bin'));
  await mkdir(join(project, 'src', 'cli'), { recursive: true });
  await mkdir(join(project, 'node_modules'));
  await symlink(ESBUILD, join(project, 'node_modules', 'esbuild'));
  await copyFile(new URL('../bin/cli-bundle.js', import.meta.url), join(project, 'bin', 'cli-bundle.js'));
  await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(project, 'tsconfig.json'), '{}\n');
  await writeFile(join(project, 'src', 'cli', 'beside.txt'), 'found beside the source');
  await writeFile(
    join(project, 'bin', 'run.js'),
    `import { bundledCommand } from './cli-bundle.js';\nconst url = await bundledCommand();\nconsole.log(url);\nawait import(url);\n`,
  );
});
after(() => rm(project, { recursive: true, force: true }));

const main = (word: string) =>
  `import { readFileSync } from 'node:fs';
const greeting: string = '${word}';
console.log(greeting, readFileSync(new URL('./beside.txt', import.meta.url), 'utf8'));
`;

async function command(): Promise<{ bundle: string; said: string }> {
  const { stdout } = await run(process.execPath, [join(project, 'bin', 'run.js')], { cwd: tmpdir() });
  const [bundle = '', said = ''] = stdout.trim().split('\n');
  return { bundle, said };
}

test('the command runs from a bundle of the sources as they are: an edit makes a new one', async () => {
  await writeFile(join(project, 'src', 'cli', 'main.ts'), main('one'));
  const first = await command();
  assert.match(first.bundle, /\/node_modules\/\.cache\/pitwall\/cli-[0-9a-f]{16}\/main\.js$/);
  assert.equal(first.said, 'one found beside the source');
  assert.deepEqual(await command(), first, 'the same sources, the same bundle');

  await writeFile(join(project, 'src', 'cli', 'main.ts'), main('two'));
  const second = await command();
  assert.notEqual(second.bundle, first.bundle);
  assert.equal(second.said, 'two found beside the source');
});

test('a build left half-done by a process that stopped is cleared; recent bundles are kept', async () => {
  const cache = join(project, 'node_modules', '.cache', 'pitwall');
  const leftover = join(cache, 'cli-0000000000000000.123.tmp');
  await mkdir(leftover, { recursive: true });
  const hourAgo = new Date(Date.now() - 3600_000);
  await utimes(leftover, hourAgo, hourAgo);
  const before = (await readdir(cache)).filter((name) => !name.endsWith('.tmp'));
  await writeFile(join(project, 'src', 'cli', 'main.ts'), main('three'));
  assert.equal((await command()).said, 'three found beside the source');
  const after = await readdir(cache);
  assert.ok(!after.includes('cli-0000000000000000.123.tmp'));
  for (const bundle of before) assert.ok(after.includes(bundle), `${bundle} was removed`);
});
