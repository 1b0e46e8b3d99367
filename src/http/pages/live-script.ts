/**
 * The live page's script: src/live/client/live-page.ts (and the shared delta module it imports),
 * bundled once (./script-bundle.ts) and served at `/assets/live.js`.
 *
 * @example
 * const script = await liveScript();
 * html`<script type="module" src="${script.href}"></script>`;
 */
import { scriptBundle } from './script-bundle.ts';

export const LIVE_SCRIPT_PATH = '/assets/live.js';

export const liveScript = scriptBundle(new URL('../../live/client/live-page.ts', import.meta.url), LIVE_SCRIPT_PATH);
