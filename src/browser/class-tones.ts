/**
 * Class colours, the same on every page: the ACO's convention of blue prototypes (LMP2),
 * purple LMP3 and orange GT cars, extended to the classes of earlier seasons. Pro-Am
 * ("Am") classes keep their parent's colour, drawn lighter. In src/browser, with the code both the
 * server's pages and the live page's script (src/live/client) paint with: pure, no Node.
 */
export const TONES = ['red', 'blue', 'purple', 'teal', 'green', 'orange', 'yellow', 'grey'] as const;
export type Tone = (typeof TONES)[number];

const RULES: readonly (readonly [RegExp, Tone])[] = [
  [/^LMP1\b/i, 'red'],
  [/^LMP2\b/i, 'blue'],
  [/^LMP3\b/i, 'purple'],
  [/^(LMPC|CN)\b/i, 'teal'],
  [/^(GT1|GTE|LMGTE|LM GTE)\b/i, 'green'],
  [/^(GT Cup|SGT)\b/i, 'yellow'],
  [/^(GT|GT2|GT3|GTC)\b/i, 'orange'],
];

export interface ClassTone {
  readonly tone: Tone;
  /** A Pro-Am class (`LMP2 Am`, `GT-Am`), drawn as a lighter shade of its parent's colour. */
  readonly am: boolean;
}

/** `toneOf('LMP2 Am')` -> `{ tone: 'blue', am: true }`. Unknown classes are grey. */
export function toneOf(classId: string): ClassTone {
  const tone = RULES.find(([pattern]) => pattern.test(classId))?.[1] ?? 'grey';
  return { tone, am: /[\s-]Am$/i.test(classId) };
}

/** The CSS classes that paint a class chip or car number: `tone-blue tone-am`. */
export function toneClasses(classId: string): string {
  const { tone, am } = toneOf(classId);
  return am ? `tone-${tone} tone-am` : `tone-${tone}`;
}
