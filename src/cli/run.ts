import { readFile } from 'node:fs/promises';
import { redactUrl } from '../core/redact.ts';
import { parseHar } from '../core/har/parse.ts';
import { parseCommand, USAGE } from './args.ts';
import { check } from './check.ts';
import { errorEntries } from './decode-har.ts';
import { formatGroupTable } from './group-table.ts';
import { errorGroups, groupRecord } from './groups.ts';
import { harObservations } from './har-timeline.ts';
import { jsonRecord } from './json-lines.ts';
import { formatTable } from './table.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Terminal width, or undefined when output is not a terminal. */
  readonly columns: number | undefined;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** Width used when output goes to a file or pipe: wide enough not to cut most messages. */
const PIPE_WIDTH = 160;

async function readInput(input: string, io: CliIo): Promise<string | { readonly error: string }> {
  if (input === '-') return io.readStdin();
  try {
    return await readFile(input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { error: `cannot read ${input}: ${reason}` };
  }
}

/** Runs one command line; returns the exit status. Problems are one line on stderr. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(argv);
  if ('error' in command) {
    io.stderr(`faultline: ${command.error} (see "faultline --help")\n`);
    return EXIT_USAGE;
  }
  if (command.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const text = await readInput(command.input, io);
  if (typeof text !== 'string') {
    io.stderr(`faultline: ${text.error}\n`);
    return EXIT_USAGE;
  }
  const har = parseHar(text);
  if ('error' in har) {
    io.stderr(`faultline: ${command.input === '-' ? 'stdin' : command.input}: ${har.error}\n`);
    return EXIT_USAGE;
  }
  const width = io.columns ?? PIPE_WIDTH;
  if (command.kind === 'check') return check(har.entries, { json: command.json, failOn: command.failOn, width }, io.stdout);
  if (command.group) {
    const groups = errorGroups(harObservations(har.entries));
    if (command.json) io.stdout(groups.map((group) => `${JSON.stringify(groupRecord(group))}\n`).join(''));
    else io.stdout(groups.length === 0 ? `No errors in ${har.entries.length} requests.\n` : `${formatGroupTable(groups, width)}\n`);
    return EXIT_OK;
  }
  const found = errorEntries(har.entries);
  const urls = found.map((f) => (command.includeSecrets ? f.exchange.url : redactUrl(f.exchange.url)));
  if (command.json) {
    io.stdout(found.map((f, i) => `${JSON.stringify(jsonRecord(f, urls[i] ?? ''))}\n`).join(''));
    return EXIT_OK;
  }
  const total = har.entries.length;
  const summary = found.length === 0 ? `No errors in ${total} requests.` : `${found.length} error${found.length === 1 ? '' : 's'} in ${total} requests.`;
  io.stdout(found.length === 0 ? `${summary}\n` : `${formatTable(found, urls, width)}\n\n${summary}\n`);
  return EXIT_OK;
}
