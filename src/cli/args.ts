import { parseArgs } from 'node:util';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'decode'; readonly input: string; readonly json: boolean; readonly includeSecrets: boolean };

export const USAGE = `Usage: faultline decode <file.har | -> [--json] [--include-secrets]

Decodes every API error in a HAR file (or HAR on stdin with "-"): RFC 9457 problems, JSON:API, Google,
Discord, Stripe, GraphQL-in-200, AWS XML, nginx/Cloudflare pages and more, into one normalized error
with retry advice.

Output:
  (default)          a table: time, method, path, status, family, code, message, retry
  --json             one JSON object per error entry, one per line, with the keys
                     entry, method, url, status, format, code, title, message, fieldErrors,
                     requestId, docsUrl, retryable, retryAfterMs, rateLimit, advice
  --include-secrets  keep tokens, keys and signatures in URLs (redacted by default)
  -h, --help         show this help

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
      },
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replace(/\. To specify a positional argument.*$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help' || (positionals.length === 0 && argv.length === 0)) return { kind: 'help' };
  const [command, input, ...rest] = positionals;
  if (command !== 'decode') return { error: command === undefined ? 'missing command (try "faultline decode file.har")' : `unknown command "${command}" (try "faultline decode file.har")` };
  if (input === undefined) return { error: 'decode needs a HAR file, or "-" for stdin' };
  if (rest.length > 0) return { error: `unexpected argument "${rest[0] ?? ''}"` };
  return { kind: 'decode', input, json: values.json === true, includeSecrets: values['include-secrets'] === true };
}
