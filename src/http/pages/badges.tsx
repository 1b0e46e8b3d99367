/** The small marks every page uses: flags, class chips, car numbers, FIA ratings. */
import type { Child } from 'hono/jsx';
import type { Rating } from '../../domain/vocabulary.ts';
import { toneClasses } from '../../browser/class-tones.ts';
import { countryName, flagOf } from './flags.ts';

/**
 * A nationality flag: flag-icons' SVG, served by Pitwall itself (./flags.ts), with the country's
 * name as its text alternative. A code with no flag shows as the code, with the name as its title.
 */
export function Flag(props: { code: string | undefined }) {
  if (!props.code) return null;
  const name = countryName(props.code);
  const flag = flagOf(props.code);
  if (!flag) {
    return (
      <abbr class="flag flag-code" title={name}>
        {props.code}
      </abbr>
    );
  }
  return <img class="flag" src={flag.href} alt={name} title={name} width={20} height={15} />;
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

/**
 * A table wrapper that scrolls sideways on a phone instead of making the page wider. With a
 * `hint`, a line above it says so on narrow screens (the pinned columns, `pin-*` in styles.css,
 * stay put while the rest scrolls under them).
 */
export function ScrollTable(props: { label: string; hint?: string; children?: Child }) {
  return (
    <>
      {props.hint ? (
        <p class="scroll-hint" aria-hidden="true">
          {props.hint} <span class="scroll-arrow">⇆</span>
        </p>
      ) : null}
      <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
        {props.children}
      </div>
    </>
  );
}

/** The hint of a table whose round columns scroll between pinned columns. */
export const ROUNDS_HINT = 'Swipe sideways for every round';
