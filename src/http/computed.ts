/**
 * The expensive values pages and API answers are built from, kept by their real inputs rather
 * than by URL: a class's title fight (the last round's outcome space), its simulated chances
 * (20,000 seasons) and the stewards' decisions' before/after. Different URLs that ask the same
 * thing — another spelling of the class, an `?asOf=` moment at which nothing had changed, the
 * page and the API — compute it once. The response store keeps bytes per URL; this keeps the
 * work behind them. Emptied when the data's revision moves, and bounded.
 */
import { createHash } from 'node:crypto';
import type { Office } from '../app/office.ts';
import type { DecisionWithImpact } from '../app/race-control.ts';
import { titleOdds } from '../domain/probabilities.ts';
import type { TitleOdds } from '../domain/probabilities.ts';
import type { Season } from '../domain/season.ts';
import { titleScenarios } from '../domain/title-scenarios.ts';

type Question = Parameters<typeof titleScenarios>[1];

export class Computed {
  private revision: number | undefined;
  private readonly values = new Map<string, unknown>();
  /** Values computed rather than found, by kind: what a test counts. */
  readonly computedCount = { scenarios: 0, odds: 0, impacts: 0 };

  constructor(private readonly limit = 256) {}

  /** `titleScenarios(season, question)`, once per season content and question. */
  titleScenarios(revision: number, season: Season, question: Question): ReturnType<typeof titleScenarios> {
    return this.get(revision, `scenarios ${fingerprint(season)} ${canonical(question)}`, () => {
      this.computedCount.scenarios += 1;
      return titleScenarios(season, question);
    });
  }

  /** `titleOdds(before, classId, options)`, once per season content (as it stood before the round), class and options. */
  titleOdds(revision: number, before: Season, classId: string, options: Parameters<typeof titleOdds>[2]): TitleOdds {
    return this.get(revision, `odds ${fingerprint(before)} ${canonical({ classId, ...options })}`, () => {
      this.computedCount.odds += 1;
      return titleOdds(before, classId, options);
    });
  }

  /**
   * `office.decisionsWithImpact(seasonId)`, once per revision whatever the page or answer (of one
   * round, when given); undefined for no such season.
   */
  async decisions(
    revision: number,
    office: Office,
    seasonId: string,
    round?: number,
  ): Promise<readonly DecisionWithImpact[] | undefined> {
    const all = await this.get(revision, `impacts ${seasonId}`, () => {
      this.computedCount.impacts += 1;
      return office.decisionsWithImpact(seasonId);
    });
    return round === undefined ? all : all?.filter((d) => d.decision.round === round);
  }

  private get<T>(revision: number, key: string, compute: () => T): T {
    if (revision !== this.revision) {
      this.values.clear();
      this.revision = revision;
    }
    if (this.values.has(key)) {
      const value = this.values.get(key) as T;
      this.values.delete(key); // most recently used last
      this.values.set(key, value);
      return value;
    }
    const value = compute();
    if (this.values.size >= this.limit) {
      const oldest = this.values.keys().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
    this.values.set(key, value);
    // A failed load is not kept: the next request tries again.
    if (value instanceof Promise) value.catch(() => this.values.get(key) === value && this.values.delete(key));
    return value;
  }
}

const fingerprints = new WeakMap<Season, string>();

/** The hash of a season's content: equal seasons, however they were loaded, ask the same thing. */
function fingerprint(season: Season): string {
  let known = fingerprints.get(season);
  if (known === undefined) {
    known = createHash('sha1').update(JSON.stringify(season)).digest('base64url');
    fingerprints.set(season, known);
  }
  return known;
}

/** A flat question as a key, whatever the order its fields were written in. */
function canonical(question: object): string {
  return JSON.stringify(Object.entries(question).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
