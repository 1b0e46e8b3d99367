#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx pitwall` needs no build step.
import { register as registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig wherever the command is run from: without it, JSX compiles for React.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// Installed packages' own modules are read as Node would, past tsx (hooks registered last run first).
registerHooks('./node-modules-hooks.js', import.meta.url);
await import('../src/cli/main.ts');
