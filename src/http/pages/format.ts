import type { MilliPoints } from '../../domain/points.ts';
import { fromMilli } from '../../domain/points.ts';

/** `83000` -> `83`, `500` -> `0.5`, `12250` -> `12.25`: exact thousandths, no float noise. */
export function formatPoints(points: MilliPoints): string {
  return String(fromMilli(points));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2019-11-24` -> `24 Nov 2019`; the text as it is when it is not an ISO date. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** The rounds a driver is entered for, as entry lists print them: `All`, `1, 3–4`. */
export function roundsText(rounds: 'all' | readonly number[], allRounds: readonly number[]): string {
  if (rounds === 'all' || allRounds.every((r) => rounds.includes(r))) return 'All';
  const sorted = [...new Set(rounds)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i];
    const next = sorted[i + 1];
    if (start === undefined || current === undefined) break;
    if (next !== current + 1) {
      runs.push(start === current ? String(start) : `${start}–${current}`);
      start = next;
    }
  }
  return runs.join(', ');
}

// Race times are printed as the season file and the timing sheets print them: one function for all.
export { formatRaceTime } from '../../formats/race-time.ts';

/** A race's scheduled length in words: `14400000` -> `4 Hours`; minutes when it is not whole hours. */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 !== 0) return `${minutes} min`;
  const hours = minutes / 60;
  return hours === 1 ? '1 Hour' : `${hours} Hours`;
}

/**
 * A season's name as the portal prints it: a winter season with an en dash (`2019-20`,
 * `2019/20` and `2019–20` all print `2019–20`), anything else as it is.
 */
export function seasonName(label: string): string {
  return label.replace(/^(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})$/, '$1–$2');
}

/** A gap to a leader: `+2 laps`, `+1 lap`, `+12.345`, `+1:02.345`. */
export function formatGap(gap: { readonly laps: number } | { readonly timeMs: number }): string {
  if ('laps' in gap) return `+${gap.laps} ${gap.laps === 1 ? 'lap' : 'laps'}`;
  const minutes = Math.floor(gap.timeMs / 60_000);
  const seconds = ((gap.timeMs % 60_000) / 1000).toFixed(3);
  return minutes > 0 ? `+${minutes}:${seconds.padStart(6, '0')}` : `+${seconds}`;
}

/** A lap time: `112345` -> `1:52.345`, `45985` -> `45.985`. */
export function formatLapTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3);
  return minutes > 0 ? `${minutes}:${seconds.padStart(6, '0')}` : seconds;
}
