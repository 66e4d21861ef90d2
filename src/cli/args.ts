import { parseArgs } from 'node:util';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'decode'; readonly input: string; readonly json: boolean; readonly includeSecrets: boolean }
  | { readonly kind: 'sanitize'; readonly input: string; readonly output: string | null };

export const USAGE = `Usage: faultline decode <file.har | -> [--json] [--include-secrets]
       faultline sanitize <file.har | -> [-o OUT]

Decodes every API error in a HAR file (or HAR on stdin with "-"): RFC 9457 problems, JSON:API, Google,
Discord, Stripe, GraphQL-in-200, AWS XML, nginx/Cloudflare pages and more, into one normalized error
with retry advice.

Output:
  (default)          a table: time, method, path, status, family, code, message, retry
  --json             one JSON object per error entry, one per line, with the keys
                     entry, method, url, status, format, code, title, message, fieldErrors,
                     requestId, docsUrl, retryable, retryAfterMs, rateLimit, advice
  --include-secrets  keep credentials in URLs and decoded messages (replaced by [REDACTED] by default)
  -h, --help         show this help

sanitize writes the HAR with every credential replaced by [REDACTED] (the panel's Export HAR without
"with secrets") to stdout, or to OUT with -o. Rate-limit headers, request ids and error bodies stay,
so "faultline decode" on the result gives the same codes, retry verdicts and delays.

Exit status: 0 when the file was read, whether or not it holds errors;
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
        help: { type: 'boolean', short: 'h' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replace(/\. To specify a positional argument.*$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help' || (positionals.length === 0 && argv.length === 0)) return { kind: 'help' };
  const [command, input, ...rest] = positionals;
  if (command !== 'decode' && command !== 'sanitize') return { error: command === undefined ? 'missing command (try "faultline decode file.har")' : `unknown command "${command}" (try "faultline decode file.har")` };
  if (input === undefined) return { error: `${command} needs a HAR file, or "-" for stdin` };
  if (rest.length > 0) return { error: `unexpected argument "${rest[0] ?? ''}"` };
  if (command === 'sanitize') {
    if (values.json === true || values['include-secrets'] === true) return { error: `sanitize takes no --${values.json === true ? 'json' : 'include-secrets'}` };
    return { kind: 'sanitize', input, output: values.output ?? null };
  }
  if (values.output !== undefined) return { error: 'decode writes to stdout; -o is for sanitize' };
  return { kind: 'decode', input, json: values.json === true, includeSecrets: values['include-secrets'] === true };
}
