/**
 * How the live page prints times, gaps, points and the title picture. Pure (no DOM), shared by
 * nothing else: the server-rendered pages have their own formatting for finished races.
 */
import type { LiveTable } from '../view.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A lap or sector time: `3:29.208`, `45.985`; a dash when there is none. */
export function lapTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !(ms > 0)) return '—';
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return minutes > 0 ? `${minutes}:${seconds.toFixed(3).padStart(6, '0')}` : seconds.toFixed(3);
}

/** Race time or drive time: `13:04:19`, `0:45:02`. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** A gap in laps or, on the same lap, in seconds: `+1 lap`, `+14.221`; empty for none. */
export function gap(laps: number | null | undefined, ms: number | null | undefined): string {
  if (laps === null || laps === undefined) return '';
  if (laps !== 0) return `${laps > 0 ? '+' : ''}${laps} ${Math.abs(laps) === 1 ? 'lap' : 'laps'}`;
  return ms === null || ms === undefined ? '' : `+${(ms / 1000).toFixed(3)}`;
}

/** MilliPoints (integer thousandths) as the number people read: 83000 -> `83`, 82500 -> `82.5`. */
export const points = (milli: number): string => String(milli / 1000);

/** Places gained or lost in this race: `▲2`, `▼1`, `=`. */
export function change(places: number): string {
  if (places > 0) return `▲${places}`;
  if (places < 0) return `▼${-places}`;
  return '=';
}

/** A short spoken form of the change arrow. */
export function changeLabel(places: number): string {
  if (places > 0) return `up ${places}`;
  if (places < 0) return `down ${-places}`;
  return 'no change';
}

/**
 * `If the race ended now: G-Drive Racing with Algarve would be champion by 1 point.` while the race
 * runs; once the chequered flag is out (`final`), as it stands: `G-Drive Racing with Algarve
 * champion by 1 point.`, or `After this race: … leads by 4 points.` before the season's last round.
 */
export function titleLine(table: LiveTable, final = false): string {
  const { leaderLabel, gap: lead, decides } = table.title;
  // Absent after a delta removed it (null and absent are the same in a merge patch).
  if (leaderLabel === null || leaderLabel === undefined) return '';
  const p = lead === null || lead === undefined ? '' : points(lead);
  const by =
    p === ''
      ? ''
      : lead === 0
        ? ', level on points, on the tie-breakers'
        : ` by ${p} ${p === '1' ? 'point' : 'points'}`;
  if (final) return decides ? `${leaderLabel} champion${by}.` : `After this race: ${leaderLabel} leads${by}.`;
  const verb = decides ? 'would be champion' : 'would lead';
  return `If the race ended now: ${leaderLabel} ${verb}${by}.`;
}

const FLAGS: Readonly<Record<string, string>> = {
  GF: 'Green',
  YF: 'Yellow',
  FCY: 'Full course yellow',
  SF: 'Safety car',
  RF: 'Red flag',
  FF: 'Chequered',
};

/** The flag's name (the timing's code when unknown), or a dash before the start. */
export const flagName = (flag: string | null | undefined): string =>
  flag === null || flag === undefined ? 'Not started' : (FLAGS[flag] ?? flag);

/** Drive-time rules in words. */
export const ruleName = (rule: string): string =>
  rule === 'maxStint' ? 'stint' : rule === 'maxPerDriver' ? 'drive time' : rule;
