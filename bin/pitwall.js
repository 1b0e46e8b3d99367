#!/usr/bin/env node
// Runs the TypeScript sources, so `npx pitwall` needs no build step: bundled once per change of
// the sources (bin/cli-bundle.js), or through tsx with PITWALL_TSX=1 or where no bundle can be kept.
import { register as registerHooks } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { bundledCommand } from './cli-bundle.js';

const bundled = process.env.PITWALL_TSX === '1' ? undefined : await bundledCommand();
if (bundled) {
  // A server's internal error names the TypeScript lines. A command does without: reading every
  // module's map took ~10 ms of a 0.4 s command (NODE_OPTIONS=--enable-source-maps gives them).
  if (process.argv[2] === 'serve') process.setSourceMapsEnabled(true);
  await import(bundled);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig wherever the command is run from: without it, JSX compiles for React.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  // Installed packages' own modules are read as Node would, past tsx (hooks registered last run first).
  registerHooks('./node-modules-hooks.js', import.meta.url);
  await import('../src/cli/main.ts');
}
