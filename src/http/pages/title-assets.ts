/**
 * The title-fight page's own assets: its script — src/browser/title-what-if-page.ts with the
 * domain modules it computes with, bundled once (./script-bundle.ts) as the live page's is — and
 * its stylesheet, a file of its own beside the site's.
 *
 * @example
 * const script = await titleScript();
 * html`<script type="module" src="${script.href}"></script>`;
 */
import { readFileSync } from 'node:fs';
import { assetOf } from './assets.ts';
import { scriptBundle } from './script-bundle.ts';

export const TITLE_SCRIPT_PATH = '/assets/title.js';
export const TITLE_STYLESHEET_PATH = '/assets/title.css';

// Read once at start-up, like the site's stylesheet.
export const TITLE_STYLESHEET = assetOf(TITLE_STYLESHEET_PATH, readFileSync(new URL('./title.css', import.meta.url)));

/** The bundled script (./script-bundle.ts). */
export const titleScript = scriptBundle(
  new URL('../../browser/title-what-if-page.ts', import.meta.url),
  TITLE_SCRIPT_PATH,
);
