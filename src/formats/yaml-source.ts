/**
 * A YAML (or JSON) text read into plain data, keeping the parsed document so that any path into
 * the data can be traced back to a line of the file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, ScalarTag, YAMLError } from 'yaml';
import { err, ok } from '../domain/result.ts';
import type { Result } from '../domain/result.ts';
import { clip, LIBRARY_MESSAGE_LENGTH } from './text.ts';

export interface YamlSource {
  readonly data: unknown;
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
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would otherwise print warnings (e.g. for mapping keys) to stderr.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    logLevel: 'error',
    customTags: (tags) => [LEADING_ZERO_NUMBER, ...tags],
  });
  if (document.errors.length > 0) {
    return err(document.errors.map((e) => ({ ...lineCounter.linePos(e.pos[0]), message: parserMessage(e) })));
  }
  try {
    const data: unknown = document.toJS();
    return ok({ data, document, lineCounter });
  } catch (e) {
    // toJS throws for an alias to an anchor defined later, and for alias bombs.
    return err([
      { line: 1, col: 1, message: clip(e instanceof Error ? e.message : String(e), LIBRARY_MESSAGE_LENGTH) },
    ]);
  }
}

/** The parser's words quote the file at times (`Block scalar header includes extra characters: …`). */
const parserMessage = (e: YAMLError): string => `${clip(e.message, LIBRARY_MESSAGE_LENGTH)} (${e.code})`;

/**
 * YAML's core schema reads an unquoted `007` as the number 7. Nobody means that — in a results
 * file it is a car number — so a plain scalar that the core schema would read as a number written
 * with a leading zero keeps its text, and a number field holding one gets a type error instead of
 * a silently different value. Tried before the core schema's own tags (the first that matches
 * wins); never used to write a value.
 */
const LEADING_ZERO_NUMBER: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  test: /^[-+]?0[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
  resolve: (source) => source,
  identify: () => false,
};

/** Line and column of the first character of the node, 1-based. */
function positionOf(source: YamlSource, node: unknown): { line: number; col: number } | undefined {
  if (!node || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? source.lineCounter.linePos(range[0]) : undefined;
}

/**
 * Where the value at `path` is written: the line of its key for a mapping field, of the item for
 * a list item. A path that does not exist in the file (a missing field) gives the position of
 * its nearest existing parent.
 */
export function positionOfPath(source: YamlSource, path: readonly (string | number)[]): { line: number; col: number } {
  let node: unknown = source.document.contents;
  let position = positionOf(source, node) ?? { line: 1, col: 1 };
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(source.document);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      position = positionOf(source, pair.key) ?? positionOf(source, pair.value) ?? position;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      position = positionOf(source, item) ?? position;
      node = item;
    } else {
      break;
    }
  }
  return position;
}
