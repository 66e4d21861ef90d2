import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { SEVERITIES, type Severity } from '../core/findings/index.ts';

/** The package's version, compiled into the CLI. */
export const VERSION: string = packageJson.version;

/** Input past this size is refused unless `--max-size` says otherwise: a HAR is read as a stream, so this only stops an endless stdin. */
export const DEFAULT_MAX_SIZE_MB = 4096;

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'decode'; readonly input: string; readonly json: boolean; readonly includeSecrets: boolean; readonly group: boolean; readonly maxSizeMb: number }
  | { readonly kind: 'check'; readonly input: string; readonly json: boolean; readonly failOn: Severity; readonly maxSizeMb: number }
  | { readonly kind: 'sanitize'; readonly input: string; readonly output: string | null; readonly maxSizeMb: number };

export const USAGE = `Usage: faultline decode <file.har | -> [--json] [--group] [--include-secrets] [--max-size MB]
       faultline check <file.har | -> [--json] [--fail-on info|warn|error] [--max-size MB]
       faultline sanitize <file.har | -> [-o OUT] [--max-size MB]

Decodes every API error in a HAR file (or HAR on stdin with "-"): RFC 9457 problems, JSON:API, Google,
Discord, Stripe, GraphQL-in-200, AWS XML, nginx/Cloudflare pages and more, into one normalized error
with retry advice. The HAR is read as a stream: any number of entries, memory of one entry at a time.

Output:
  (default)          a table: time, method, path, status, family, code, message, retry
  --json             one JSON object per error entry, one per line, written as they are found, with
                     the keys entry, method, url, status, format, code, title, message, fieldErrors,
                     requestId, docsUrl, retryable, retryAfterMs, rateLimit, advice
  --group            one row per kind of error (method, URL template, status, code) with its count;
                     with --json, the "group" lines of check
  --include-secrets  keep credentials in URLs and decoded messages (replaced by [REDACTED] by default)
  --max-size MB      refuse input larger than this (default ${DEFAULT_MAX_SIZE_MB} MB; one entry may take 256 MB)
  -h, --help         show this help
  -v, --version      print the version

check: what the client did wrong (retried before Retry-After, retried without backoff, resent a request
that cannot succeed, re-POSTed without an Idempotency-Key, errors hidden by CORS, a quota burnt before
its reset), then the errors grouped by count. URLs appear as templates, without ids or query values.
  --json             one object per line: {"type":"finding","kind","severity","entries","message","advice"}
                     or {"type":"group","fingerprint","method","urlTemplate","status","code","count",
                     "entries","first","last"}; entries are indices into log.entries
  --fail-on LEVEL    the least severe finding that fails the check (default: error)

sanitize writes the HAR with every credential replaced by [REDACTED] (the panel's Export HAR without
"with secrets") to stdout, or to OUT with -o. Rate-limit headers, request ids and error bodies stay,
so "faultline decode" on the result gives the same codes, retry verdicts and delays.

Exit status: 0 when the file was read, whether or not it holds errors (check: and no finding reached --fail-on);
             1 when check found something at --fail-on or above;
             2 on a usage error, a missing or unreadable file, input that is not a HAR or is over
               the size limit (errors found before the problem are printed first).`;

const COMMANDS = ['decode', 'check', 'sanitize'] as const;

/** Reads the command line; a usage error is one line, never a stack trace. */
export function parseCommand(argv: readonly string[]): Command | { readonly error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'include-secrets': { type: 'boolean' },
        'max-size': { type: 'string' },
        group: { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        output: { type: 'string', short: 'o' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replace(/\. To specify a positional argument.*$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help' || (positionals.length === 0 && argv.length === 0)) return { kind: 'help' };
  if (values.version === true || positionals[0] === 'version') return { kind: 'version' };
  const [command, input, ...rest] = positionals;
  if (!(COMMANDS as readonly (string | undefined)[]).includes(command)) return { error: command === undefined ? 'missing command (try "faultline decode file.har")' : `unknown command "${command}" (try "faultline decode file.har")` };
  if (input === undefined) return { error: `${command ?? ''} needs a HAR file, or "-" for stdin` };
  if (rest.length > 0) return { error: `unexpected argument "${rest[0] ?? ''}"` };
  const maxSize = values['max-size'];
  const maxSizeMb = maxSize === undefined ? DEFAULT_MAX_SIZE_MB : Number(maxSize);
  if (!Number.isFinite(maxSizeMb) || maxSizeMb <= 0) return { error: `--max-size needs a size in MB greater than 0, not "${maxSize ?? ''}"` };
  // Each option belongs to the commands named here; given to another, it is a usage error, not ignored.
  const misplaced: readonly [string, boolean, string][] = [
    ['--group', values.group === true, 'decode'],
    ['--include-secrets', values['include-secrets'] === true, 'decode'],
    ['--fail-on', values['fail-on'] !== undefined, 'check'],
    ['-o', values.output !== undefined, 'sanitize'],
    ['--json', values.json === true, command === 'sanitize' ? '' : (command ?? '')],
  ];
  for (const [option, given, owner] of misplaced) {
    if (given && owner !== command) return { error: `${option} does not go with "faultline ${command ?? ''}"` };
  }
  if (command === 'sanitize') return { kind: 'sanitize', input, output: values.output ?? null, maxSizeMb };
  if (command === 'decode') return { kind: 'decode', input, json: values.json === true, includeSecrets: values['include-secrets'] === true, group: values.group === true, maxSizeMb };
  const failOn = values['fail-on'] ?? 'error';
  if (!isSeverity(failOn)) return { error: `--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"` };
  return { kind: 'check', input, json: values.json === true, failOn, maxSizeMb };
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
