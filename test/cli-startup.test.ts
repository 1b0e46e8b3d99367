import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildProgram, MODULE_COMMANDS } from '../src/cli/program.ts';
import { runPitwall } from './support/pitwall-process.ts';

const SEASON = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const argv = (...args: string[]) => ['node', 'pitwall', ...args];
const names = async (...args: string[]) => (await buildProgram(argv(...args))).commands.map((c) => c.name());

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitwall-startup-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('root help knows every command; each command of a module of its own is found by its name', async () => {
  const all = await names();
  for (const name of ['validate', 'standings', 'serve', 'import', 'export', ...MODULE_COMMANDS]) {
    assert.ok(all.includes(name), `${name} missing from root help`);
    assert.ok((await names(name)).includes(name), `pitwall ${name} does not find its command`);
    assert.ok((await names('help', name)).includes(name), `pitwall help ${name} does not find its command`);
  }
  assert.deepEqual(await names('standings'), ['validate', 'standings', 'serve', 'import', 'export']);
  // An unknown command is told apart from the known ones, which are all there to suggest from.
  assert.deepEqual(await names('standing'), all);
  const help = await runPitwall(['--help'], process.env);
  assert.equal(help.code, 0);
  for (const name of all) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, 'm'));
});

test('a command on a season file loads neither the database nor the web stack', async () => {
  // A module hook that writes down every module the command resolves (packages by their entry).
  const record = join(dir, 'record.mjs');
  const hooks = join(dir, 'hooks.mjs');
  const loaded = join(dir, 'loaded.txt');
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(loaded)}, resolved.url + '\\n');
  return resolved;
}
`,
  );
  await writeFile(
    record,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const resolvedBy = async (env: NodeJS.ProcessEnv): Promise<string[]> => {
    await rm(loaded, { force: true });
    const run = await runPitwall(['standings', SEASON, '--class', 'LMP2', '--format', 'csv'], {
      ...env,
      NODE_OPTIONS: `--import=${pathToFileURL(record).href}`,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /G-Drive/);
    return (await readFile(loaded, 'utf8')).split('\n');
  };
  const notLoaded = (urls: string[], parts: string[]) => {
    for (const part of parts) {
      assert.deepEqual(
        urls.filter((url) => url.includes(part)),
        [],
        `pitwall standings loaded ${part}`,
      );
    }
  };
  const packages = ['@electric-sql', '/node_modules/hono/', '/node_modules/pg/'];
  // From the sources (through tsx): module by module.
  const sources = await resolvedBy({ ...process.env, PITWALL_TSX: '1' });
  assert.ok(sources.some((url) => url.endsWith('/src/cli/load-season.ts')));
  notLoaded(sources, ['/src/store/', '/src/http/', '/src/app/office.ts', ...packages]);
  // Bundled (bin/cli-bundle.js), as a command runs by default: the bundle's chunks, and no package of either stack.
  const bundled = await resolvedBy({ ...process.env, PITWALL_TSX: '0' });
  assert.ok(bundled.some((url) => /\/node_modules\/\.cache\/pitwall\/cli-\w+\/main\.js$/.test(url)));
  assert.deepEqual(
    bundled.filter((url) => url.includes('/src/') && url.endsWith('.ts')),
    [],
    'the bundle loads no source file',
  );
  notLoaded(bundled, packages);
});
