import { visibleText } from '../core/visible-text.ts';
import { formatDuration } from '../core/advice/duration.ts';
import type { ErrorEntry } from './decode-har.ts';

/**
 * Response data is hostile: control characters (an ANSI escape could rewrite the terminal), bidi
 * controls (could reorder what is shown) and invisible characters are shown as `[U+XXXX]`, and line
 * breaks and tabs become spaces, so a cell is one honest line.
 */
export function cellText(value: string): string {
  return visibleText(value).replace(/\s+/g, ' ').trim();
}

function fitCell(value: string, width: number): string {
  if (value.length <= width) return value.padEnd(width);
  return width <= 1 ? value.slice(0, width) : `${value.slice(0, width - 1)}…`;
}

/** Local wall-clock time `16:57:06`, as DevTools shows it; empty for a date that does not parse. */
export function clock(at: string | number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toTimeString().slice(0, 8);
}

export function retryText({ retry }: ErrorEntry['error']): string {
  if (!retry.retryable) return "don't retry";
  if (retry.afterMs !== null) return `in ${formatDuration(retry.afterMs)}`;
  return retry.backoff !== null ? 'backoff' : 'yes';
}

/** Path and query of a URL (the host is the same for most rows and costs width). */
function pathOf(url: string): string {
  const afterScheme = url.indexOf('://');
  const slash = afterScheme === -1 ? -1 : url.indexOf('/', afterScheme + 3);
  return slash === -1 ? url : url.slice(slash);
}

/** A column of a terminal table: its title, the widest it may get, and whether it shares the room left. */
export interface ColumnSpec {
  readonly title: string;
  /** Widest this column may get; the flexible columns share what is left. */
  readonly max: number;
  /** Shares the room left: the first flexible column (a path) gets at most 40% of it, the second (a message) the rest. */
  readonly flexible?: boolean;
}

/** Widths for `width` terminal columns: fixed columns fit their content (`natural`), the flexible ones share the rest. */
function columnWidths(columns: readonly ColumnSpec[], natural: readonly number[], width: number): number[] {
  const gaps = columns.length - 1;
  const fixed = natural.reduce((sum, w, i) => (columns[i]?.flexible === true ? sum : sum + w), 0);
  const left = Math.max(40, width - gaps * 2 - fixed);
  const [pathAt = -1, messageAt = -1] = columns.flatMap((c, i) => (c.flexible === true ? [i] : []));
  const pathNatural = natural[pathAt] ?? 0;
  const messageNatural = natural[messageAt] ?? 0;
  // The message matters most: the path gets at most 40% of the flexible room.
  const pathWidth = Math.min(pathNatural, Math.max(12, Math.floor(left * 0.4), left - messageNatural));
  return natural.map((w, i) => (i === pathAt ? pathWidth : i === messageAt ? Math.max(10, Math.min(messageNatural, left - pathWidth)) : w));
}

function formatLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => fitCell(cell, widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/**
 * A table sized to the terminal, built a row at a time. Rows are kept as their cell text only (not
 * what they were made from), so memory grows by a few hundred bytes a row, and the widest cell of
 * each column is tracked as rows come (no spread of every cell into Math.max, which overflows the
 * stack past ~120,000 rows).
 */
export class Table {
  private readonly rows: string[][] = [];
  private readonly natural: number[];

  constructor(private readonly columns: readonly ColumnSpec[]) {
    this.natural = columns.map((c) => c.title.length);
  }

  get size(): number {
    return this.rows.length;
  }

  add(cells: string[]): void {
    cells.forEach((cell, i) => {
      this.natural[i] = Math.min(this.columns[i]?.max ?? 0, Math.max(this.natural[i] ?? 0, cell.length));
    });
    this.rows.push(cells);
  }

  /** The header and every row, each line at most `width` wide where the content allows. */
  *lines(width: number): Generator<string> {
    const widths = columnWidths(this.columns, this.natural, width);
    yield formatLine(
      this.columns.map((c) => c.title),
      widths,
    );
    for (const row of this.rows) yield formatLine(row, widths);
  }
}

const ERROR_COLUMNS: readonly (ColumnSpec & { readonly cell: (found: ErrorEntry, url: string) => string })[] = [
  { title: 'TIME', cell: (f) => clock(f.startedDateTime), max: 8 },
  { title: 'METHOD', cell: (f) => cellText(f.exchange.method), max: 7 },
  { title: 'PATH', cell: (_, url) => cellText(pathOf(url)), max: Infinity, flexible: true },
  { title: 'STATUS', cell: (f) => String(f.error.status), max: 6 },
  { title: 'FAMILY', cell: (f) => f.error.format, max: 16 },
  { title: 'CODE', cell: (f) => cellText(f.error.code ?? ''), max: 24 },
  { title: 'MESSAGE', cell: (f) => cellText(f.error.message), max: Infinity, flexible: true },
  { title: 'RETRY', cell: (f) => retryText(f.error), max: 14 },
];

/** `faultline decode`'s table: one row per error. */
export class ErrorTable extends Table {
  constructor() {
    super(ERROR_COLUMNS);
  }

  addError(found: ErrorEntry, url: string): void {
    this.add(ERROR_COLUMNS.map((c) => c.cell(found, url)));
  }
}
