/**
 * The timing layouts Pitwall reads, by their header (docs/timing-formats.md). A header is
 * recognised by its signature columns, so that a lap file given where a classification was
 * expected is named for what it is instead of reported as a pile of missing columns.
 */

export interface TimingLayout {
  readonly kind: 'classification' | 'lap-analysis' | 'qualifying';
  /** How messages name it: "an Al Kamel classification". */
  readonly name: string;
  /** Columns that identify the layout: all of them are in its header. */
  readonly signature: readonly string[];
  /** Columns without which a row cannot be read. */
  readonly required: readonly string[];
  /** Every column the parser reads (the others are ignored). */
  readonly columns: readonly string[];
  /** Rows may stop short of the header's last columns, which then read as empty. */
  readonly ragged?: boolean;
}

export const CLASSIFICATION: TimingLayout = {
  kind: 'classification',
  name: 'an Al Kamel classification',
  signature: ['POSITION', 'DRIVER_1', 'STATUS'],
  required: ['POSITION', 'NUMBER', 'TEAM', 'DRIVER_1', 'CLASS', 'STATUS', 'LAPS'],
  columns: [
    'POSITION',
    'NUMBER',
    'TEAM',
    'DRIVER_1',
    'DRIVER_2',
    'DRIVER_3',
    'DRIVER_4',
    'DRIVER_5',
    'DRIVER_6',
    'VEHICLE',
    'TYRES',
    'CLASS',
    'GROUP',
    'DIVISION',
    'STATUS',
    'LAPS',
    'TOTAL_TIME',
    'GAP_FIRST',
    'GAP_PREVIOUS',
    'FL_LAPNUM',
    'FL_TIME',
    'FL_KPH',
  ],
};

/** IMSA's results: the same cars and times, drivers as first and second names, up to six. */
export const IMSA_RESULTS: TimingLayout = {
  kind: 'classification',
  name: 'IMSA results',
  signature: ['POSITION', 'DRIVER1_FIRSTNAME', 'STATUS'],
  // Sebring 2025: a 93-column header over 78-field rows, the unused sixth driver's columns left out.
  ragged: true,
  required: ['POSITION', 'NUMBER', 'TEAM', 'DRIVER1_FIRSTNAME', 'DRIVER1_SECONDNAME', 'CLASS', 'STATUS', 'LAPS'],
  columns: [
    'POSITION',
    'NUMBER',
    'STATUS',
    'LAPS',
    'TOTAL_TIME',
    'GAP_FIRST',
    'GAP_PREVIOUS',
    'FL_LAPNUM',
    'FL_TIME',
    'FL_KPH',
    'TEAM',
    'CLASS',
    'GROUP',
    'DIVISION',
    'VEHICLE',
    'TIRES',
    ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`DRIVER${n}_FIRSTNAME`, `DRIVER${n}_SECONDNAME`]),
  ],
};

export const LAP_ANALYSIS: TimingLayout = {
  kind: 'lap-analysis',
  name: 'an Al Kamel lap analysis',
  signature: ['NUMBER', 'LAP_NUMBER', 'LAP_TIME'],
  required: ['NUMBER', 'DRIVER_NUMBER', 'LAP_NUMBER', 'LAP_TIME', 'ELAPSED', 'DRIVER_NAME'],
  columns: [
    'NUMBER',
    'DRIVER_NUMBER',
    'LAP_NUMBER',
    'LAP_TIME',
    'CROSSING_FINISH_LINE_IN_PIT',
    'S1',
    'S2',
    'S3',
    'ELAPSED',
    'DRIVER_NAME',
    'PIT_TIME',
    'CLASS',
    'GROUP',
    'TEAM',
    'FLAG_AT_FL',
  ],
};

/**
 * A qualifying session's results, as the Al Kamel archive of the Asian Le Mans Series publishes
 * them: `POS,NUMBER,LAP,TIME,…, LAPS,TEAM,CLASS,…` and up to six drivers of eleven columns each
 * (`DRIVER1_FIRSTNAME`, `DRIVER1_SECONDNAME`, `DRIVER1_LICENSE`, `DRIVER1_COUNTRY`…). The header
 * has 91 fields, the rows stop after the crew's last driver.
 */
export const QUALIFYING_RESULTS: TimingLayout = {
  kind: 'qualifying',
  name: 'an Al Kamel qualifying result',
  signature: ['POS', 'NUMBER', 'TIME', 'DRIVER1_SECONDNAME'],
  ragged: true,
  required: ['POS', 'NUMBER', 'TIME', 'TEAM', 'CLASS'],
  columns: [
    'POS',
    'NUMBER',
    'LAP',
    'TIME',
    'LAPS',
    'TEAM',
    'CLASS',
    'GROUP',
    'VEHICLE',
    ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
      `DRIVER${n}_FIRSTNAME`,
      `DRIVER${n}_SECONDNAME`,
      `DRIVER${n}_LICENSE`,
      `DRIVER${n}_COUNTRY`,
    ]),
  ],
};

export const LAYOUTS: readonly TimingLayout[] = [CLASSIFICATION, IMSA_RESULTS, LAP_ANALYSIS, QUALIFYING_RESULTS];

/** The layout whose signature columns are all in the header, if any. */
export function detectLayout(names: readonly string[]): TimingLayout | undefined {
  const header = new Set(names);
  return LAYOUTS.find((layout) => layout.signature.every((name) => header.has(name)));
}

/** The start of a header of the layout, for messages: `POSITION;NUMBER;TEAM;...`. */
export function layoutHeaderExample(layout: TimingLayout): string {
  return `${layout.required.slice(0, 4).join(';')};...`;
}
