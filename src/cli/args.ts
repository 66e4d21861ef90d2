import { parseArgs } from 'node:util';

import { SEVERITIES, type Severity } from '../core/findings/index.ts';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'decode'; readonly input: string; readonly json: boolean; readonly includeSecrets: boolean; readonly group: boolean }
  | { readonly kind: 'check'; readonly input: string; readonly json: boolean; readonly failOn: Severity };

export const USAGE = `Usage: faultline decode <file.har | -> [--json] [--group] [--include-secrets]
       faultline check <file.har | -> [--json] [--fail-on info|warn|error]

Decodes every API error in a HAR file (or HAR on stdin with "-"): RFC 9457 problems, JSON:API, Google,
Discord, Stripe, GraphQL-in-200, AWS XML, nginx/Cloudflare pages and more, into one normalized error
with retry advice.

Output:
  (default)          a table: time, method, path, status, family, code, message, retry
  --json             one JSON object per error entry, one per line, with the keys
                     entry, method, url, status, format, code, title, message, fieldErrors,
                     requestId, docsUrl, retryable, retryAfterMs, rateLimit, advice
  --group            one row per kind of error (method, URL template, status, code) with its count;
                     with --json, the "group" lines of check
  --include-secrets  keep tokens, keys and signatures in URLs (redacted by default)
  -h, --help         show this help

check: what the client did wrong (retried before Retry-After, retried without backoff, resent a request
that cannot succeed, re-POSTed without an Idempotency-Key, errors hidden by CORS, a quota burnt before
its reset), then the errors grouped by count. URLs appear as templates, without ids or query values.
  --json             one object per line: {"type":"finding","kind","severity","entries","message","advice"}
                     or {"type":"group","fingerprint","method","urlTemplate","status","code","count",
                     "entries","first","last"}; entries are indices into log.entries
  --fail-on LEVEL    the least severe finding that fails the check (default: error)

Exit status: 0 when the file was read, whether or not it holds errors (check: and no finding reached --fail-on);
             1 when check found something at --fail-on or above;
             2 on a usage error, a missing or unreadable file, or input that is not a HAR.`;

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
        group: { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replace(/\. To specify a positional argument.*$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help' || (positionals.length === 0 && argv.length === 0)) return { kind: 'help' };
  const [command, input, ...rest] = positionals;
  if (command !== 'decode' && command !== 'check') return { error: command === undefined ? 'missing command (try "faultline decode file.har")' : `unknown command "${command}" (try "faultline decode file.har")` };
  if (input === undefined) return { error: `${command} needs a HAR file, or "-" for stdin` };
  if (rest.length > 0) return { error: `unexpected argument "${rest[0] ?? ''}"` };
  if (command === 'decode') {
    if (values['fail-on'] !== undefined) return { error: '--fail-on belongs to "faultline check"' };
    return { kind: 'decode', input, json: values.json === true, includeSecrets: values['include-secrets'] === true, group: values.group === true };
  }
  if (values.group === true || values['include-secrets'] === true) return { error: `${values.group === true ? '--group' : '--include-secrets'} belongs to "faultline decode"` };
  const failOn = values['fail-on'] ?? 'error';
  if (!isSeverity(failOn)) return { error: `--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"` };
  return { kind: 'check', input, json: values.json === true, failOn };
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
