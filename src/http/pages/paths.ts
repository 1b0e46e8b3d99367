/**
 * Every URL of the portal and the API links it makes, built in one place so that pages and
 * routes agree. Classes and people appear in URLs by their slug (`LMP2 Am` -> `lmp2-am`).
 */
import { slugOf } from '../../domain/ids.ts';
import type { CarClass } from '../../domain/season.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';

const seg = encodeURIComponent;

export const seasonPath = (seasonId: string) => `/seasons/${seg(seasonId)}`;
export const roundPath = (seasonId: string, round: number) => `${seasonPath(seasonId)}/rounds/${round}`;
export const driverPath = (name: string) => `/drivers/${slugOf(name)}`;
export const teamPath = (name: string) => `/teams/${slugOf(name)}`;

/** The whole season's standings, or one class's (`?class=`), or one table of one class. */
export function standingsPath(seasonId: string, classId?: string, kind?: StandingsKind): string {
  const base = `${seasonPath(seasonId)}/standings`;
  if (classId === undefined) return base;
  return kind ? `${base}/${slugOf(classId)}/${kind}` : `${base}?class=${slugOf(classId)}`;
}

/** The class a URL names, by slug or by id (`lmp2-am`, `LMP2 Am`). */
export function classOfSlug(classes: readonly CarClass[], slugOrId: string): CarClass | undefined {
  return classes.find((c) => c.id === slugOrId || slugOf(c.id) === slugOf(slugOrId));
}

/** The API's CSV of one table (written by the API: it takes the class id, not the slug). */
export function standingsCsvHref(seasonId: string, classId: string, kind: StandingsKind): string {
  return `/api/v1/seasons/${seg(seasonId)}/standings.csv?class=${seg(classId)}&kind=${kind}`;
}

/**
 * A class's title fight (`kind` teams and the default moment are left out of the address):
 * `/seasons/alms-2019-20/title/lmp2?kind=drivers&beforeRound=4&pole=1`.
 */
export function titlePath(
  seasonId: string,
  classId: string,
  ask: { kind?: StandingsKind; beforeRound?: number | undefined; poleKnown?: boolean | undefined } = {},
): string {
  const query = new URLSearchParams();
  if (ask.kind && ask.kind !== 'teams') query.set('kind', ask.kind);
  if (ask.beforeRound !== undefined) query.set('beforeRound', String(ask.beforeRound));
  if (ask.poleKnown) query.set('pole', '1');
  const base = `${seasonPath(seasonId)}/title/${slugOf(classId)}`;
  return query.size > 0 ? `${base}?${query.toString()}` : base;
}

export const calendarIcsHref = (seasonId: string) => `/api/v1/seasons/${seg(seasonId)}/calendar.ics`;
