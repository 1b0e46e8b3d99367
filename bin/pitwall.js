#!/usr/bin/env node
// Runs the TypeScript sources, so `npx pitwall` needs no build step: bundled once per change of
// the sources (bin/cli-bundle.js), or through tsx with PITWALL_TSX=1 or where no bundle can be kept.
import { register as registerHooks } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { bundledCommand } from './cli-bundle.js';

const bundled = process.env.PITWALL_TSX === '1' ? undefined : await bundledCommand();
if (bundled) {
  // Stack traces name the bundle's lines; NODE_OPTIONS=--enable-source-maps maps them to the
  // TypeScript. Not by default: reading the maps took ~10 ms of a 0.4 s command, and a server
  // that maps its errors' stacks (a 404 makes one) held 36 MB more after 30 s of mixed reads.
  await import(bundled);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig wherever the command is run from: without it, JSX compiles for React.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  // Installed packages' own modules are read as Node would, past tsx (hooks registered last run first).
  registerHooks('./node-modules-hooks.js', import.meta.url);
  await import('../src/cli/main.ts');
}
