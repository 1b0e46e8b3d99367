// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/**
 * The layers (docs/ARCHITECTURE.md), each listed with what it may import from src/; anything
 * else in src/, and test/, bench/ and bin/, it may not. The paths are the files the imports
 * resolve to, so `../../store/x.ts` from a subfolder is caught as surely as `../store/x.ts`.
 * `pure` layers also import no Node built-in: no I/O, no clock, nothing a browser lacks.
 */
const LAYERS = [
  { layer: 'domain', may: [], pure: true, why: 'the domain is pure and depends on nothing' },
  { layer: 'formats', may: ['domain'], pure: true, why: 'formats convert text to the domain and back, no I/O' },
  {
    layer: 'live',
    may: ['domain', 'formats'],
    pure: true,
    why: 'live timing is pure: the app feeds it events, the HTTP layer serves its views',
  },
  {
    layer: 'browser',
    may: ['domain'],
    pure: true,
    why: 'code shared by the pages and the live script runs in a browser',
  },
  { layer: 'store', may: ['domain', 'formats'], why: 'the store keeps the domain; it knows no use-case' },
  { layer: 'app', may: ['domain', 'formats', 'live', 'store'], why: 'use-cases know no HTTP and no command line' },
  {
    layer: 'http',
    may: ['domain', 'formats', 'live', 'store', 'app', 'browser'],
    why: 'the HTTP layer does not reach into the command line',
  },
  { layer: 'cli', may: ['domain', 'formats', 'live', 'store', 'app', 'http'], why: 'the command line is outermost' },
];
const ALL = LAYERS.map((l) => l.layer);
/** @param {string[]} dirs folders of the repository, as one glob of everything in them */
const glob = (dirs) => `${ROOT}/${dirs.length === 1 ? dirs[0] : `{${dirs.join(',')}}`}/**`;

/** The live page's script is bundled for the browser: the wire format and its own folder only. */
const LIVE_CLIENT_MAY = ['src/live/client/**', 'src/live/{delta,view}.ts', 'src/browser/**'];

/** @param {string} why */
const noNodeBuiltins = (why) => [
  'error',
  { paths: builtinModules.map((name) => ({ name, message: why })), patterns: [{ group: ['node:*'], message: why }] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.js', 'test/support/*.js'] },
        tsconfigRootDir: ROOT,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Imports name their file, extension included (`./season.ts`), so plain resolution finds it.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      // A cycle makes the load order decide what is defined; type-only imports count too, as
      // a cycle of types is still two modules that cannot be understood one without the other.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // node:test's test() returns a promise the runner itself awaits; tests read untyped JSON
    // bodies and assert on them, which is the point, so the no-unsafe-* rules only add noise there.
    files: [...TESTS, 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  ...LAYERS.map(({ layer, may, pure, why }) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: [...TESTS, ...(layer === 'live' ? ['src/live/client/**'] : [])],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: `${ROOT}/src/${layer}/**`,
              from: [glob(ALL.filter((other) => other !== layer && !may.includes(other)).map((d) => `src/${d}`))],
              message: `src/${layer} may import ${may.length ? `only ${may.join(', ')}` : 'nothing outside it'}: ${why}.`,
            },
            {
              target: `${ROOT}/src/${layer}/**`,
              from: [glob(['test', 'bench', 'bin'])],
              message: 'the product does not import tests, benches or the launcher: move what it needs into src/.',
            },
          ],
        },
      ],
      ...(pure ? { 'no-restricted-imports': noNodeBuiltins(`src/${layer} is pure: no Node built-ins (${why}).`) } : {}),
    },
  })),
  {
    files: ['src/live/client/**/*.ts'],
    ignores: TESTS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: `${ROOT}/src/live/client/**`,
              from: [`${ROOT}/{src,test,bench,bin}/**`],
              except: LIVE_CLIENT_MAY.map((path) => `${ROOT}/${path}`),
              message:
                "the live page's script runs in the browser: it may import only src/live/client, the wire format (live/delta.ts, live/view.ts) and src/browser.",
            },
          ],
        },
      ],
      'no-restricted-imports': noNodeBuiltins("the live page's script runs in the browser: no Node built-ins."),
    },
  },
);
