/**
 * A YAML (or JSON) text read into plain data, with any path into the data traceable back to a
 * line of the file.
 *
 * Two parsers, one meaning. `yaml` keeps a document with every node's place in the text, reports
 * syntax errors well and caps alias expansion; it is also slow to start: loading it and reading
 * the bundled season took ~145 ms in a fresh process, most of `pitwall standings FILE`. js-yaml
 * reads the same file in ~35 ms. So a text in plain YAML (no anchors, aliases, tags or
 * directives; one document; string keys) is read by js-yaml with the core schema's own scalars
 * (below), and `yaml` parses only the rest, a text js-yaml refuses (for its syntax errors), and a
 * text a position is asked of (when a problem is reported). A test checks the two agree.
 */
import {
  constructFromEvents,
  defineScalarTag,
  EVENT_ID,
  FAILSAFE_SCHEMA,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
} from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, ScalarTag, YAMLError } from 'yaml';
import { err, ok } from '../domain/result.ts';
import type { Result } from '../domain/result.ts';
import { clip, LIBRARY_MESSAGE_LENGTH } from './text.ts';

export interface YamlSource {
  readonly data: unknown;
  /** The text as `yaml` parses it, with every node's place: parsed when first asked for. */
  readonly parsed: () => Parsed;
}

interface Parsed {
  readonly document: Document;
  readonly lineCounter: LineCounter;
}

/** A syntax error, where the YAML parser found it. */
export interface YamlSyntaxError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The file's data, or every syntax error the YAML parser reports. Never throws. */
export function loadYaml(text: string): Result<YamlSource, YamlSyntaxError[]> {
  const plain = readPlainYaml(text);
  if (plain) {
    let parsed: Parsed | undefined;
    return ok({ data: plain.data, parsed: () => (parsed ??= parseWithPositions(text)) });
  }
  const parsed = parseWithPositions(text);
  const { document, lineCounter } = parsed;
  if (document.errors.length > 0) {
    return err(document.errors.map((e) => ({ ...lineCounter.linePos(e.pos[0]), message: parserMessage(e) })));
  }
  try {
    const data: unknown = document.toJS();
    return ok({ data, parsed: () => parsed });
  } catch (e) {
    // toJS throws for an alias to an anchor defined later, and for alias bombs.
    return err([
      { line: 1, col: 1, message: clip(e instanceof Error ? e.message : String(e), LIBRARY_MESSAGE_LENGTH) },
    ]);
  }
}

function parseWithPositions(text: string): Parsed {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would otherwise print warnings (e.g. for mapping keys) to stderr.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    logLevel: 'error',
    customTags: (tags) => [LEADING_ZERO_NUMBER, ...tags],
  });
  return { document, lineCounter };
}

/** The parser's words quote the file at times (`Block scalar header includes extra characters: …`). */
const parserMessage = (e: YAMLError): string => `${clip(e.message, LIBRARY_MESSAGE_LENGTH)} (${e.code})`;

/**
 * YAML's core schema reads an unquoted `007` as the number 7. Nobody means that — in a results
 * file it is a car number — so a plain scalar that the core schema would read as a number written
 * with a leading zero keeps its text, and a number field holding one gets a type error instead of
 * a silently different value.
 */
const LEADING_ZERO = /^[-+]?0[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;

/** For `yaml`: tried before the core schema's own tags (the first that matches wins); never used to write a value. */
const LEADING_ZERO_NUMBER: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  test: LEADING_ZERO,
  resolve: (source) => source,
  identify: () => false,
};

const NUMBER_START = ['-', '+', '.', ...'0123456789'];

/**
 * The YAML 1.2 core schema's plain scalars (yaml.org/spec/1.2.2 §10.3.2), as `yaml` reads them,
 * for js-yaml: its own differ at the edges (`1e400` is text to it, Infinity to `yaml`). `first`:
 * the characters such a scalar can start with, so that a name is not tried against each pattern.
 */
const CORE_SCALARS: readonly { tag: string; first: string[]; test: RegExp; value: (text: string) => unknown }[] = [
  { tag: 'null', first: ['', '~', 'n', 'N'], test: /^(?:~|[Nn]ull|NULL)?$/, value: () => null },
  { tag: 'bool', first: ['t', 'T'], test: /^(?:[Tt]rue|TRUE)$/, value: () => true },
  { tag: 'bool', first: ['f', 'F'], test: /^(?:[Ff]alse|FALSE)$/, value: () => false },
  { tag: 'int', first: ['0'], test: /^0o[0-7]+$/, value: (t) => parseInt(t.slice(2), 8) },
  { tag: 'int', first: NUMBER_START, test: /^[-+]?[0-9]+$/, value: (t) => parseInt(t, 10) },
  { tag: 'int', first: ['0'], test: /^0x[0-9a-fA-F]+$/, value: (t) => parseInt(t.slice(2), 16) },
  {
    tag: 'float',
    first: ['-', '+', '.'],
    test: /^[-+]?\.(?:inf|Inf|INF)$/,
    value: (t) => (t.startsWith('-') ? -Infinity : Infinity),
  },
  { tag: 'float', first: ['.'], test: /^\.(?:nan|NaN|NAN)$/, value: () => NaN },
  {
    tag: 'float',
    first: NUMBER_START,
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    value: (t) => parseFloat(t),
  },
  { tag: 'float', first: NUMBER_START, test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, value: (t) => parseFloat(t) },
];

/** Whether a plain scalar reads as text (not null, a boolean or a number). */
const readsAsText = (plain: string): boolean =>
  LEADING_ZERO.test(plain) || !CORE_SCALARS.some((s) => s.test.test(plain));

const PLAIN_SCHEMA = FAILSAFE_SCHEMA.withTags(
  ['null', 'bool', 'int', 'float'].map((name) => {
    const scalars = CORE_SCALARS.filter((s) => s.tag === name);
    return defineScalarTag(`tag:yaml.org,2002:${name}`, {
      implicit: true,
      implicitFirstChars: [...new Set(scalars.flatMap((s) => s.first))],
      resolve: (text) => {
        const scalar = scalars.find((s) => s.test.test(text));
        return scalar && !LEADING_ZERO.test(text) ? scalar.value(text) : NOT_RESOLVED;
      },
      identify: () => false,
    });
  }),
);

/**
 * The data of a text in plain YAML, read by js-yaml; undefined for any other text, or one
 * js-yaml refuses (then `yaml` reads it, and reports what is wrong).
 */
function readPlainYaml(text: string): { readonly data: unknown } | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  if (!isPlain(text, events)) return undefined;
  try {
    const [data] = constructFromEvents(events, { source: text, schema: PLAIN_SCHEMA, maxAliases: 0 });
    return { data };
  } catch {
    return undefined;
  }
}

/** A plain scalar's text; an empty one (`key:` with no value) has no range. */
const plainText = (text: string, scalar: ScalarEvent): string =>
  scalar.valueStart < 0 ? '' : text.slice(scalar.valueStart, scalar.valueEnd);

/** One document, no directives, anchors, aliases or tags, and every mapping key a string. */
function isPlain(text: string, events: readonly Event[]): boolean {
  let documents = 0;
  // For each open collection: whether it is a mapping, and how many nodes it holds so far.
  const open: { mapping: boolean; nodes: number }[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      documents += 1;
      if (documents > 1 || event.directives.length > 0) return false;
      open.push({ mapping: false, nodes: 0 });
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart >= 0 || event.tagStart >= 0) return false;
    const parent = open.at(-1);
    const isKey = parent !== undefined && parent.mapping && parent.nodes % 2 === 0;
    if (parent) parent.nodes += 1;
    if (event.type === EVENT_ID.SCALAR) {
      if (isKey && event.style === SCALAR_STYLE.PLAIN && !readsAsText(plainText(text, event))) return false;
    } else {
      if (isKey) return false;
      open.push({ mapping: event.type === EVENT_ID.MAPPING, nodes: 0 });
    }
  }
  return documents === 1;
}

/** Line and column of the first character of the node, 1-based. */
function positionOf(parsed: Parsed, node: unknown): { line: number; col: number } | undefined {
  if (!node || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? parsed.lineCounter.linePos(range[0]) : undefined;
}

/**
 * Where the value at `path` is written: the line of its key for a mapping field, of the item for
 * a list item. A path that does not exist in the file (a missing field) gives the position of
 * its nearest existing parent.
 */
export function positionOfPath(source: YamlSource, path: readonly (string | number)[]): { line: number; col: number } {
  const parsed = source.parsed();
  let node: unknown = parsed.document.contents;
  let position = positionOf(parsed, node) ?? { line: 1, col: 1 };
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(parsed.document);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      position = positionOf(parsed, pair.key) ?? positionOf(parsed, pair.value) ?? position;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      position = positionOf(parsed, item) ?? position;
      node = item;
    } else {
      break;
    }
  }
  return position;
}
