/**
 * Deltas between two live views, as JSON Merge Patches (RFC 7386): an object holding only what
 * changed, `null` for what went away; arrays are replaced whole. One module, used by the server
 * (to make deltas) and by the live page in the browser (to apply them), so the two cannot drift.
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The patch that turns `before` into `after`, or `undefined` when they are equal. Views never hold
 * `null` inside objects as a value of their own (a null field would read as "remove it"), so
 * null-valued fields of `after` are encoded by leaving the key out — callers keep views free of
 * them or accept that `null` and absent mean the same.
 */
export function diff(before: Json, after: Json): Json | undefined {
  if (isObject(before) && isObject(after)) {
    const patch: Record<string, Json> = {};
    let changed = false;
    for (const key of Object.keys(before)) {
      if (!(key in after)) {
        patch[key] = null;
        changed = true;
      }
    }
    for (const [key, value] of Object.entries(after)) {
      const old = before[key];
      const inner = old === undefined ? replacement(value) : diff(old, value);
      if (inner !== undefined) {
        patch[key] = inner;
        changed = true;
      }
    }
    return changed ? patch : undefined;
  }
  return equal(before, after) ? undefined : replacement(after);
}

/** A value set whole: objects inside it lose their null fields, as applying the patch would. */
function replacement(value: Json): Json {
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== null) out[key] = replacement(inner);
  return out;
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value: Json, i) => equal(value, b[i] as Json));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k] as Json, b[k] as Json));
  }
  return false;
}

/** RFC 7386 MergePatch(target, patch): a new document; `target` is not changed. */
export function applyPatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyPatch(out[key], value);
  }
  return out;
}

/**
 * The view a client keeps from a snapshot frame: read as a patch on nothing, so that its null
 * fields are absent, exactly as they will be after the deltas that follow (which remove them).
 */
export const fromSnapshot = (snapshot: Json): Json => applyPatch({}, snapshot);
