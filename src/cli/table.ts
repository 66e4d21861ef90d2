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

function clock(startedDateTime: string): string {
  const at = new Date(startedDateTime);
  return Number.isNaN(at.getTime()) ? '' : at.toTimeString().slice(0, 8);
}

function retryText({ retry }: ErrorEntry['error']): string {
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

interface Column {
  readonly title: string;
  readonly cell: (found: ErrorEntry, url: string) => string;
  /** Widest this column may get; the flexible columns share what is left. */
  readonly max: number;
  readonly flexible?: boolean;
}

const COLUMNS: readonly Column[] = [
  { title: 'TIME', cell: (f) => clock(f.startedDateTime), max: 8 },
  { title: 'METHOD', cell: (f) => cellText(f.exchange.method), max: 7 },
  { title: 'PATH', cell: (_, url) => cellText(pathOf(url)), max: Infinity, flexible: true },
  { title: 'STATUS', cell: (f) => String(f.error.status), max: 6 },
  { title: 'FAMILY', cell: (f) => f.error.format, max: 16 },
  { title: 'CODE', cell: (f) => cellText(f.error.code ?? ''), max: 24 },
  { title: 'MESSAGE', cell: (f) => cellText(f.error.message), max: Infinity, flexible: true },
  { title: 'RETRY', cell: (f) => retryText(f.error), max: 14 },
];
const PATH = 2;
const MESSAGE = 6;

/**
 * A table sized to the terminal: fixed columns fit their content, path and message share the rest.
 * Rows are added one at a time and kept as their cell text only (not the decoded entries), so
 * memory grows with the number of errors by a few hundred bytes each, whatever the HAR holds.
 */
export class Table {
  private readonly rows: string[][] = [];
  private readonly natural = COLUMNS.map((c) => c.title.length);

  get size(): number {
    return this.rows.length;
  }

  add(found: ErrorEntry, url: string): void {
    const cells = COLUMNS.map((c, i) => {
      const cell = c.cell(found, url);
      this.natural[i] = Math.min(c.max, Math.max(this.natural[i] ?? 0, cell.length));
      return cell;
    });
    this.rows.push(cells);
  }

  /** The header and every row, each line at most `width` wide where the content allows. */
  *lines(width: number): Generator<string> {
    const natural = this.natural;
    const gaps = COLUMNS.length - 1;
    const fixed = natural.reduce((sum, w, i) => (COLUMNS[i]?.flexible === true ? sum : sum + w), 0);
    const left = Math.max(40, width - gaps * 2 - fixed);
    const pathNatural = natural[PATH] ?? 0;
    const messageNatural = natural[MESSAGE] ?? 0;
    // The message matters most: the path gets at most 40% of the flexible room.
    const pathWidth = Math.min(pathNatural, Math.max(12, Math.floor(left * 0.4), left - messageNatural));
    const widths = natural.map((w, i) => (i === PATH ? pathWidth : i === MESSAGE ? Math.max(10, Math.min(messageNatural, left - pathWidth)) : w));
    const line = (cells: readonly string[]): string =>
      cells
        .map((cell, i) => fitCell(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    yield line(COLUMNS.map((c) => c.title));
    for (const row of this.rows) yield line(row);
  }
}
