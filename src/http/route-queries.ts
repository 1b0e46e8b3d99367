/**
 * The query parameters each stored route reads, declared once per route where the route is
 * defined (the API's from its OpenAPI declaration, the pages' beside their handlers), so that
 * the response store keys a request by those alone, in the declared order. Anything else in a
 * query string changes nothing in the answer, so `?bust=1`, `?bust=2`… are one entry, not a
 * fresh render each (issue 10, item 6).
 *
 * @example
 * routes.declare('/seasons/:id/standings', ['class', 'asOf']);
 * routes.normalise('/seasons/x/standings?bust=9&asOf=2020-01-01&class=lmp2');
 * // '/seasons/x/standings?class=lmp2&asOf=2020-01-01'
 */
interface Declared {
  /** The path's segments; null for a parameter (`:id` or `{id}`), which matches any one segment. */
  readonly segments: readonly (string | null)[];
  readonly names: readonly string[];
}

export class RouteQueries {
  private readonly routes: Declared[] = [];

  /** `path` as Hono writes it (`/seasons/:id`) or OpenAPI (`/api/v1/seasons/{id}`); `names` in the key's order. */
  declare(path: string, names: readonly string[]): void {
    if (names.length === 0) return; // a path no route declares keeps no query: the same
    const segments = path.split('/').map((s) => (/^(:\w+|\{\w+\})$/.test(s) ? null : s));
    this.routes.push({ segments, names });
  }

  /** The names read at a path, in the order declared (every route the path matches). */
  namesAt(pathname: string): string[] {
    const segments = pathname.split('/');
    const names: string[] = [];
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      if (!route.segments.every((s, i) => (s === null ? segments[i] !== '' : s === segments[i]))) continue;
      for (const name of route.names) if (!names.includes(name)) names.push(name);
    }
    return names;
  }

  /**
   * The path and only the parameters its route reads, in the declared order; each value exactly
   * as sent (two spellings of a value are two entries, never one entry for two answers).
   */
  normalise(pathAndQuery: string): string {
    const at = pathAndQuery.indexOf('?');
    if (at === -1) return pathAndQuery;
    const pathname = pathAndQuery.slice(0, at);
    const names = this.namesAt(pathname);
    if (names.length === 0) return pathname;
    const pairs = pathAndQuery
      .slice(at + 1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const name = decodedName(equals === -1 ? pair : pair.slice(0, equals));
        return { name, value: equals === -1 ? '' : pair.slice(equals + 1) };
      });
    const kept = names.flatMap((name) =>
      pairs.filter((p) => p.name === name).map((p) => `${encodeURIComponent(name)}=${p.value}`),
    );
    return kept.length === 0 ? pathname : `${pathname}?${kept.join('&')}`;
  }
}

/** A parameter's name as the app reads it (`+` is a space); kept as sent when it is not valid UTF-8. */
function decodedName(raw: string): string {
  const spaced = raw.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
