import { run } from './run.ts';
import { escapeForTerminal } from './terminal-text.ts';

// `faultline … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Writes, and when the pipe is full waits until it drains, so output never piles up in memory. */
function writeStdout(text: string): void | Promise<void> {
  if (process.stdout.write(text)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: writeStdout,
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
} catch (error) {
  // A bug must still end in one line and a failure status, not a stack trace.
  process.stderr.write(`faultline: internal error: ${escapeForTerminal(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
}
