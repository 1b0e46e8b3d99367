/**
 * A table body kept in step with a list of items by key, in place: each item owns one row for as
 * long as it is listed; rows are moved with `insertBefore` when the order changes, removed when
 * their item goes, and a cell is touched only when what it shows has changed. No innerHTML.
 */

/** What a cell shows: text, or a builder with a key saying when it must be rebuilt. */
export type Cell =
  | string
  | {
      readonly key: string;
      readonly className?: string;
      readonly title?: string;
      readonly build?: (cell: HTMLTableCellElement) => void;
      readonly text?: string;
    };

export interface Column<T> {
  readonly header: string;
  /** A short header with the full word for assistive technology. */
  readonly abbr?: string;
  /** The td's (or th's) class, fixed for the column. */
  readonly className?: string;
  /** The row's header cell (`<th scope="row">`). */
  readonly rowHeader?: boolean;
  readonly cell: (item: T) => Cell;
}

interface Row {
  readonly tr: HTMLTableRowElement;
  readonly cells: HTMLTableCellElement[];
  readonly keys: string[];
}

/** `<span class="…">text</span>`. */
export function span(text: string, className?: string): HTMLSpanElement {
  const element = document.createElement('span');
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

export class KeyedTable<T> {
  readonly table: HTMLTableElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly rows = new Map<string, Row>();

  constructor(
    private readonly columns: readonly Column<T>[],
    private readonly keyOf: (item: T) => string,
    private readonly rowAttribute: string,
    caption: string,
    className: string,
  ) {
    this.table = document.createElement('table');
    this.table.className = className;
    const cap = this.table.createCaption();
    cap.textContent = caption;
    const head = this.table.createTHead().insertRow();
    for (const column of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (column.className) th.className = column.className;
      if (column.abbr) {
        const abbr = document.createElement('abbr');
        abbr.title = column.abbr;
        abbr.textContent = column.header;
        th.append(abbr);
      } else th.textContent = column.header;
      head.append(th);
    }
    this.tbody = this.table.createTBody();
  }

  /** The row of this key, if it is listed. */
  row(key: string): HTMLTableRowElement | undefined {
    return this.rows.get(key)?.tr;
  }

  /** Shows `items` in this order, creating, moving, updating and removing rows as needed. */
  update(items: readonly T[]): void {
    const listed = new Set<string>();
    items.forEach((item, index) => {
      const key = this.keyOf(item);
      listed.add(key);
      let row = this.rows.get(key);
      if (!row) {
        row = this.newRow(key);
        this.rows.set(key, row);
      }
      this.columns.forEach((column, i) => setCell(row, i, column.cell(item)));
      const at = this.tbody.children[index];
      if (at !== row.tr) this.tbody.insertBefore(row.tr, at ?? null);
    });
    for (const [key, row] of this.rows) {
      if (!listed.has(key)) {
        row.tr.remove();
        this.rows.delete(key);
      }
    }
  }

  private newRow(key: string): Row {
    const tr = document.createElement('tr');
    tr.setAttribute(this.rowAttribute, key);
    const cells = this.columns.map((column) => {
      const cell = document.createElement(column.rowHeader ? 'th' : 'td');
      if (column.rowHeader) cell.setAttribute('scope', 'row');
      if (column.className) cell.className = column.className;
      tr.append(cell);
      return cell;
    });
    return { tr, cells, keys: this.columns.map(() => '\u0000') };
  }
}

function setCell(row: Row, index: number, cell: Cell): void {
  const key = typeof cell === 'string' ? cell : cell.key;
  if (row.keys[index] === key) return;
  row.keys[index] = key;
  const td = row.cells[index];
  if (!td) return;
  if (typeof cell === 'string') {
    td.textContent = cell;
    return;
  }
  const base = td.dataset.base ?? (td.dataset.base = td.className);
  td.className = cell.className ? `${base} ${cell.className}`.trim() : base;
  if (cell.title) td.title = cell.title;
  else td.removeAttribute('title');
  if (cell.build) {
    td.replaceChildren();
    cell.build(td);
  } else td.textContent = cell.text ?? '';
}
