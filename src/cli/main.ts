import { run } from './run.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `faultline … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
} catch (error) {
  // A bug must still end in one line and a failure status, not a stack trace.
  process.stderr.write(`faultline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
