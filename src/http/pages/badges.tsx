/** The small marks every page uses: flags, class chips, car numbers, FIA ratings. */
import type { Child } from 'hono/jsx';
import type { Rating } from '../../domain/vocabulary.ts';
import { toneClasses } from '../../browser/class-tones.ts';
import { countryName, flagEmoji } from './flags.ts';

/**
 * A nationality flag with its country's name as the accessible label (the emoji alone reads
 * as "flag: United Kingdom" at best, and as two letters on systems without flag glyphs).
 */
export function Flag(props: { code: string | undefined }) {
  if (!props.code) return null;
  const name = countryName(props.code);
  const emoji = flagEmoji(props.code);
  if (!emoji) {
    return (
      <abbr class="flag flag-code" title={name}>
        {props.code}
      </abbr>
    );
  }
  return (
    <span class="flag" role="img" aria-label={name} title={name}>
      {emoji}
    </span>
  );
}

/** A class name on its class colour. */
export function ClassChip(props: { classId: string; href?: string }) {
  const classes = `class-chip ${toneClasses(props.classId)}`;
  return props.href ? (
    <a class={classes} href={props.href}>
      {props.classId}
    </a>
  ) : (
    <span class={classes}>{props.classId}</span>
  );
}

/** A car number plate, edged in its class colour (every place it is shown says "Car" nearby). */
export function CarNumber(props: { car: string; classId: string }) {
  return <span class={`car-number ${toneClasses(props.classId)}`}>#{props.car}</span>;
}

/** An FIA driver rating, as its initial with the full word for assistive technology. */
export function RatingBadge(props: { rating: Rating | undefined }) {
  if (!props.rating) return null;
  return (
    <abbr class={`rating rating-${props.rating.toLowerCase()}`} title={`FIA ${props.rating}`}>
      {props.rating}
    </abbr>
  );
}

/** A table wrapper that scrolls sideways on a phone instead of making the page wider. */
export function ScrollTable(props: { label: string; children?: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
