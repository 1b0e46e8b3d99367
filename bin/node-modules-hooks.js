/**
 * Module hooks that run before tsx's (bin/pitwall.js registers them after it): a file of an
 * installed package that imports a sibling (`./core.js`) is resolved and read here, as Node itself
 * would, instead of going through tsx, which has nothing to compile there but would still look for
 * TypeScript files, scan the source and keep a copy of it. Everything else goes on to tsx.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * @typedef {{ url: string, format?: string, shortCircuit?: boolean }} Resolved
 * @typedef {{ format: string, source?: Uint8Array | string, shortCircuit?: boolean }} Loaded
 */

const INSTALLED = '/node_modules/';
const SIBLING = /^\.\.?\/.*\.(?:m?js|cjs)$/;

/** @type {Map<string, string>} */
const typeByFolder = new Map();

/**
 * `module` or `commonjs` for a .js file: its nearest package.json's `type`, as Node reads it.
 * @param {string} url
 * @returns {string}
 */
function packageType(url) {
  const visited = [];
  let folder = new URL('./', url);
  let type = typeByFolder.get(folder.href);
  while (type === undefined) {
    visited.push(folder.href);
    try {
      /** @type {unknown} */
      const manifest = JSON.parse(readFileSync(new URL('package.json', folder), 'utf8'));
      const declared =
        typeof manifest === 'object' && manifest !== null && 'type' in manifest ? manifest.type : undefined;
      type = declared === 'module' ? 'module' : 'commonjs';
    } catch {
      const up = new URL('../', folder);
      if (up.href === folder.href) type = 'commonjs';
      folder = up;
      type ??= typeByFolder.get(folder.href);
    }
  }
  for (const href of visited) typeByFolder.set(href, type);
  return type;
}

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: unknown) => Promise<Resolved>} next
 * @returns {Resolved | Promise<Resolved>}
 */
export function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && parent.includes(INSTALLED) && SIBLING.test(specifier)) {
    const url = new URL(specifier, parent).href;
    const format = url.endsWith('.mjs') ? 'module' : url.endsWith('.cjs') ? 'commonjs' : packageType(url);
    return { url, format, shortCircuit: true };
  }
  return next(specifier, context);
}

/**
 * @param {string} url
 * @param {{ format?: string }} context
 * @param {(url: string, context: unknown) => Promise<Loaded>} next
 * @returns {Promise<Loaded>}
 */
export async function load(url, context, next) {
  if (context.format === 'module' && url.startsWith('file:') && url.includes(INSTALLED)) {
    return { format: 'module', source: await readFile(new URL(url)), shortCircuit: true };
  }
  return next(url, context);
}
