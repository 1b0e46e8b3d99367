#!/usr/bin/env node
// `npm install` runs this (the `prepare` script): what a first command would otherwise do before
// its first answer, done once per installation: bundle the sources (./cli-bundle.js) and make the
// folder new embedded databases are copied from (src/store/pglite-template.ts: initdb, seconds of
// WebAssembly). It never fails the install: whatever it could not do, a first command does.
import process from 'node:process';
import { bundledCommand } from './cli-bundle.js';

try {
  const bundled = await bundledCommand();
  const { tsImport } = await import('tsx/esm/api');
  /** @type {unknown} */
  const loaded = await tsImport('../src/store/database.ts', import.meta.url);
  const database = /** @type {typeof import('../src/store/database.ts')} */ (loaded);
  const template = await database.prepareEmbeddedTemplate();
  process.stdout.write(
    `pitwall: ${bundled ? 'command bundled' : 'command not bundled (runs through tsx)'}; ` +
      `${template ? 'embedded database template ready' : 'no embedded database template (made on first start)'}\n`,
  );
} catch (error) {
  process.stdout.write(
    `pitwall: not prepared now (${error instanceof Error ? error.message : String(error)}); a first command will\n`,
  );
}
