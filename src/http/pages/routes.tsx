/**
 * The server-rendered portal: every page is HTML that works without JavaScript, rendered once
 * per data revision and then served from memory with an ETag.
 *
 * @example
 * app.route('/', pageRoutes(office));
 * await app.request('/seasons/alms-2019-20/standings/lmp2/teams');
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Office } from '../../app/office.ts';
import { driverCareer, teamCareer } from '../../domain/careers.ts';
import type { Season } from '../../domain/season.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';
import { assetResponse, FAVICON_ICO, FAVICON_SVG, STYLESHEET } from './assets.ts';
import { flagAssetOf } from './flags.ts';
import { PageAddressContext } from './layout.tsx';
import { DEFAULT_PUBLIC_URL } from '../public-url.ts';
import { DriverPage } from './driver.tsx';
import { historyLoader } from './history-data.ts';
import type { HistoryLoader } from './history-data.ts';
import { HistoryPage } from './history.tsx';
import { HomePage } from './home.tsx';
import { LivePage } from './live.tsx';
import { LIVE_SCRIPT_PATH, liveScript } from './live-script.ts';
import { NotFoundPage } from './not-found.tsx';
import { renderedPage } from './page-cache.ts';
import { replayResponse, ResponseStore } from '../response-store.ts';
import { classOfSlug } from './paths.ts';
import { ResultsPage } from './results.tsx';
import { titleFightAnswer } from './title-fight.tsx';
import { TITLE_SCRIPT_PATH, TITLE_STYLESHEET, TITLE_STYLESHEET_PATH, titleScript } from './title-assets.ts';
import { titleWork } from '../api/title.ts';
import { Computed } from '../computed.ts';
import { SeasonPage } from './season.tsx';
import { seasonTitle, StandingsPage, StandingsTablePage } from './standings.tsx';
import { TeamPage } from './team.tsx';

export interface PageOptions {
  /** Today's date (YYYY-MM-DD) for "next round": the clock stays out of the pages. */
  readonly today?: () => string;
  readonly history?: HistoryLoader;
  /** The response store shared with the API and the server's fast path. */
  readonly store?: ResponseStore;
  /** The expensive values, kept by their inputs and shared with the API (../computed.ts). */
  readonly computed?: Computed;
  /** Where the public reaches the portal (PUBLIC_URL, ../public-url.ts), for canonical and Open Graph links. */
  readonly publicUrl?: string;
}

/** What a page handler produces: a status and the page, before it is turned into bytes. */
interface Page {
  readonly status: 200 | 404;
  readonly element: JSX.Element;
}

/** The query parameters a page reads: those it declared, each absent or its first value. */
type Query<N extends string> = { readonly [K in N]: string | undefined };

const isStandingsKind = (kind: string | undefined): kind is StandingsKind =>
  (STANDINGS_KINDS as readonly (string | undefined)[]).includes(kind);

const found = (element: JSX.Element): Page => ({ status: 200, element });
const notFound = (what: string, season?: Season): Page => ({
  status: 404,
  element: <NotFoundPage what={what} seasonId={season?.id} seasonLabel={season?.season} />,
});

export function pageRoutes(office: Office, options: PageOptions = {}): Hono {
  const app = new Hono();
  const cache = options.store ?? new ResponseStore();
  const computed = options.computed ?? new Computed();
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const history = options.history ?? historyLoader();
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;

  /** The query parameters each page handler reads, declared to the store after the routes (below). */
  const declared = new WeakMap<object, readonly string[]>();

  /**
   * Serves the stored bytes of this page, or renders, stores and serves them. The page reads the
   * query parameters `names` and no other, and is stored under those alone, so that anything else
   * in a query string does not make a new entry nor a new render (../route-queries.ts). A 404 is
   * not stored: paths are free-form, and would crowd out the pages.
   */
  const cached =
    <const N extends string>(names: readonly N[], render: (c: Context, query: Query<N>) => Promise<Page>) =>
    async (c: Context) => {
      const revision = office.revision();
      const url = new URL(c.req.url);
      const key = cache.keyOf(today(), url.pathname + url.search);
      let page = cache.get(revision, key);
      if (!page) {
        const query = Object.fromEntries(names.map((name) => [name, c.req.query(name)])) as Query<N>;
        const rendered = await render(c, query);
        // The canonical address: the path and the parameters the page reads, nothing else.
        const read = new URLSearchParams(names.flatMap((name) => (query[name] ? [[name, query[name]]] : [])));
        const path = url.pathname + (read.size > 0 ? `?${read.toString()}` : '');
        const element = (
          <PageAddressContext.Provider value={{ publicUrl, path }}>{rendered.element}</PageAddressContext.Provider>
        );
        page = renderedPage(rendered.status, `<!doctype html>${(await element).toString()}`);
        if (rendered.status === 200) cache.set(revision, key, page);
      }
      return replayResponse(c, page);
    };
  const page = <const N extends string>(
    names: readonly N[],
    render: (c: Context, query: Query<N>) => Promise<Page>,
  ) => {
    const handler = cached(names, render);
    declared.set(handler, names);
    return handler;
  };

  /** The season now, or as it stood at `?asOf=` (an ISO date-time); undefined for a bad moment too. */
  const seasonOf = async (c: Context, asOf: string | undefined) => {
    if (asOf === undefined) return office.season(c.req.param('id') ?? '');
    if (Number.isNaN(Date.parse(asOf))) return undefined;
    return office.seasonAsOf(c.req.param('id') ?? '', new Date(asOf).toISOString());
  };
  const latest = async () => (await office.seasons())[0];

  app.get('/assets/pitwall.css', (c) =>
    assetResponse(STYLESHEET, 'text/css; charset=utf-8', c.req.query('v'), c.req.header('if-none-match')),
  );

  app.get('/favicon.ico', (c) =>
    assetResponse(FAVICON_ICO, 'image/x-icon', c.req.query('v'), c.req.header('if-none-match')),
  );
  app.get('/favicon.svg', (c) =>
    assetResponse(FAVICON_SVG, 'image/svg+xml', c.req.query('v'), c.req.header('if-none-match')),
  );
  // Flags from flag-icons, served here (no third party learns who reads which page).
  app.get('/assets/flags/:file{[a-z]{2}\\.svg}', (c) => {
    const flag = flagAssetOf((c.req.param('file') ?? '').slice(0, 2));
    if (!flag) return c.notFound();
    return assetResponse(flag, 'image/svg+xml', c.req.query('v'), c.req.header('if-none-match'));
  });

  app.get(TITLE_SCRIPT_PATH, async (c) =>
    assetResponse(
      await titleScript(),
      'text/javascript; charset=utf-8',
      c.req.query('v'),
      c.req.header('if-none-match'),
    ),
  );
  app.get(TITLE_STYLESHEET_PATH, (c) =>
    assetResponse(TITLE_STYLESHEET, 'text/css; charset=utf-8', c.req.query('v'), c.req.header('if-none-match')),
  );
  app.get(LIVE_SCRIPT_PATH, async (c) =>
    assetResponse(
      await liveScript(),
      'text/javascript; charset=utf-8',
      c.req.query('v'),
      c.req.header('if-none-match'),
    ),
  );

  app.get(
    '/',
    page([], async () => {
      const seasons = await office.seasons();
      return found(<HomePage season={seasons[0]} seasons={seasons} today={today()} />);
    }),
  );

  app.get(
    '/history',
    page([], async () => {
      const seasons = await office.seasons();
      const series = seasons[0]?.series;
      return found(<HistoryPage history={series ? await history(series) : undefined} seasons={seasons} />);
    }),
  );

  app.get(
    '/seasons/:id',
    page(['asOf'], async (c, query) => {
      const season = await seasonOf(c, query.asOf);
      return season
        ? found(<SeasonPage season={season} today={today()} />)
        : notFound(`There is no season "${c.req.param('id')}".`, await latest());
    }),
  );

  app.get(
    '/seasons/:id/rounds/:round',
    page(['asOf'], async (c, query) => {
      const season = await seasonOf(c, query.asOf);
      if (!season) return notFound(`There is no season "${c.req.param('id')}".`, await latest());
      const round = season.rounds.find((r) => String(r.round) === c.req.param('round'));
      if (!round) return notFound(`${seasonTitle(season)} has no round ${c.req.param('round')}.`, season);
      const race = season.races.find((r) => r.round === round.round);
      // Every decision's before/after, folded once per revision and kept (../computed.ts).
      const views = (await computed.decisions(office.revision(), office, season.id, round.round)) ?? [];
      const driveTimes = await office.driveTimes(season.id, round.round, query.asOf);
      return found(
        <ResultsPage
          season={season}
          round={round}
          race={race}
          decisions={views}
          today={today()}
          driveTimes={driveTimes}
        />,
      );
    }),
  );

  // The live page is a static shell (the script fills it from the event stream): cached like the others.
  app.get(
    '/seasons/:id/rounds/:round/live',
    page(['asOf'], async (c, query) => {
      const season = await seasonOf(c, query.asOf);
      if (!season) return notFound(`There is no season "${c.req.param('id')}".`, await latest());
      const round = season.rounds.find((r) => String(r.round) === c.req.param('round'));
      if (!round) return notFound(`${seasonTitle(season)} has no round ${c.req.param('round')}.`, season);
      const race = season.races.find((r) => r.round === round.round);
      return found(<LivePage season={season} round={round} race={race} scriptHref={(await liveScript()).href} />);
    }),
  );

  app.get(
    '/seasons/:id/standings',
    page(['class', 'asOf'], async (c, query) => {
      const asOfParam = query.asOf;
      if (asOfParam !== undefined && Number.isNaN(Date.parse(asOfParam))) {
        return notFound(
          `"${asOfParam}" is not a moment: give an ISO date-time such as 2019-11-24T12:00:00Z.`,
          await latest(),
        );
      }
      const season = await seasonOf(c, query.asOf);
      if (!season) return notFound(`There is no season "${c.req.param('id')}".`, await latest());
      const classParam = query.class;
      const asOf = query.asOf;
      if (classParam === undefined || classParam === '') return found(<StandingsPage season={season} asOf={asOf} />);
      const only = classOfSlug(season.classes, classParam);
      if (!only) return notFound(`${seasonTitle(season)} has no class "${classParam}".`, season);
      return found(<StandingsPage season={season} only={only} asOf={asOf} />);
    }),
  );

  app.get(
    '/seasons/:id/standings/:class/:kind',
    page(['asOf'], async (c, query) => {
      const season = await seasonOf(c, query.asOf);
      if (!season) return notFound(`There is no season "${c.req.param('id')}".`, await latest());
      const carClass = classOfSlug(season.classes, c.req.param('class') ?? '');
      const kind = c.req.param('kind');
      if (!carClass || !isStandingsKind(kind)) {
        return notFound(
          `${seasonTitle(season)} has no such table: try teams or drivers of one of its classes.`,
          season,
        );
      }
      return found(<StandingsTablePage season={season} carClass={carClass} kind={kind} />);
    }),
  );

  app.get(
    '/seasons/:id/title/:class',
    page(['kind', 'beforeRound', 'pole', 'asOf'], async (c, query) => {
      const season = await seasonOf(c, query.asOf);
      if (!season) return notFound(`There is no season "${c.req.param('id')}".`, await latest());
      const carClass = classOfSlug(season.classes, c.req.param('class') ?? '');
      if (!carClass) return notFound(`${seasonTitle(season)} has no such title fight.`, season);
      // Kept by the season's content and the question, not by URL: the API asks the same (../computed.ts).
      const work = titleWork(computed, office.revision());
      const page = titleFightAnswer(season, carClass, query, work, (await titleScript()).href);
      return page.ok ? found(page.value) : notFound(`${seasonTitle(season)}: ${page.error}.`, season);
    }),
  );

  app.get(
    '/drivers/:id',
    page([], async (c) => {
      const seasons = await office.seasons();
      const career = driverCareer(seasons, c.req.param('id') ?? '');
      return career
        ? found(<DriverPage career={career} seasons={seasons} />)
        : notFound('There is no such driver.', seasons[0]);
    }),
  );

  app.get(
    '/teams/:id',
    page([], async (c) => {
      const seasons = await office.seasons();
      const career = teamCareer(seasons, c.req.param('id') ?? '');
      return career
        ? found(<TeamPage career={career} seasons={seasons} />)
        : notFound('There is no such team.', seasons[0]);
    }),
  );

  // Any other page: an HTML 404. The API under /api answers its own 404s, in JSON.
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    return cached([], async () => notFound(`There is no page at ${c.req.path}.`, await latest()))(c);
  });

  for (const route of app.routes) {
    const names = declared.get(route.handler);
    if (names) cache.routes.declare(route.path, names);
  }

  return app;
}
