import { formatDuration } from '../core/advice/duration.ts';
import type { ErrorEntry } from './decode-har.ts';

/**
 * Control characters (ANSI escapes could rewrite the terminal), bidi controls (could reorder what is
 * shown) and line breaks: response data is hostile, so a cell shows none of them.
 */
function isUnsafe(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function cellText(value: string): string {
  let safe = '';
  for (const char of value) safe += isUnsafe(char.codePointAt(0) ?? 0) ? ' ' : char;
  return safe.replace(/\s+/g, ' ').trim();
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

export interface Column {
  readonly title: string;
  readonly cells: readonly string[];
  /** Widest this column may get; the flexible columns share what is left. */
  readonly max: number;
  /** Shares the room left: the first flexible column (a path) gets at most 40% of it, the second (a message) the rest. */
  readonly flexible?: boolean;
}

/** Lays columns out in `width` terminal columns: fixed columns fit their content, the flexible ones share the rest. */
export function layoutTable(columns: readonly Column[], width: number): string {
  const natural = columns.map((c) => Math.min(c.max, Math.max(c.title.length, ...c.cells.map((cell) => cell.length))));
  const gaps = columns.length - 1;
  const fixed = natural.reduce((sum, w, i) => (columns[i]?.flexible === true ? sum : sum + w), 0);
  const left = Math.max(40, width - gaps * 2 - fixed);
  const [pathAt = -1, messageAt = -1] = columns.flatMap((c, i) => (c.flexible === true ? [i] : []));
  const pathNatural = natural[pathAt] ?? 0;
  const messageNatural = natural[messageAt] ?? 0;
  // The message matters most: the path gets at most 40% of the flexible room.
  const pathWidth = Math.min(pathNatural, Math.max(12, Math.floor(left * 0.4), left - messageNatural));
  const widths = natural.map((w, i) => (i === pathAt ? pathWidth : i === messageAt ? Math.max(10, Math.min(messageNatural, left - pathWidth)) : w));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => fitCell(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rows = (columns[0]?.cells ?? []).map((_, row) => line(columns.map((c) => c.cells[row] ?? '')));
  return [line(columns.map((c) => c.title)), ...rows].join('\n');
}

/** A table of every error sized to `width` terminal columns. */
export function formatTable(found: readonly ErrorEntry[], urls: readonly string[], width: number): string {
  return layoutTable(
    [
      { title: 'TIME', cells: found.map((f) => clock(f.startedDateTime)), max: 8 },
      { title: 'METHOD', cells: found.map((f) => cellText(f.exchange.method)), max: 7 },
      { title: 'PATH', cells: urls.map((url) => cellText(pathOf(url))), max: Infinity, flexible: true },
      { title: 'STATUS', cells: found.map((f) => String(f.error.status)), max: 6 },
      { title: 'FAMILY', cells: found.map((f) => f.error.format), max: 16 },
      { title: 'CODE', cells: found.map((f) => cellText(f.error.code ?? '')), max: 24 },
      { title: 'MESSAGE', cells: found.map((f) => cellText(f.error.message)), max: Infinity, flexible: true },
      { title: 'RETRY', cells: found.map((f) => retryText(f.error)), max: 14 },
    ],
    width,
  );
}
