import { parseCommand, USAGE, VERSION } from './args.ts';
import { runCheck, runDecodeGroups } from './check.ts';
import { runDecode } from './decode.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { runSanitize } from './sanitize.ts';
import { escapeForTerminal } from './terminal-text.ts';

/** Width used when output goes to a file or pipe: wide enough not to cut most messages. */
const PIPE_WIDTH = 160;

/** Runs one command line; returns the exit status. Problems are one line on stderr, escaped for the terminal. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const safeIo: CliIo = { ...io, stderr: (text) => io.stderr(`faultline: ${escapeForTerminal(text)}\n`) };
  const command = parseCommand(argv);
  if ('error' in command) {
    safeIo.stderr(`${command.error} (see "faultline --help")`);
    return EXIT_USAGE;
  }
  const width = io.columns ?? PIPE_WIDTH;
  // One case per command: each lives in its own module.
  switch (command.kind) {
    case 'help':
      await io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    case 'version':
      await io.stdout(`faultline ${VERSION}\n`);
      return EXIT_OK;
    case 'decode':
      return command.group ? runDecodeGroups(command, safeIo, width) : runDecode(command, safeIo, width);
    case 'check':
      return runCheck(command, safeIo, width);
    case 'sanitize':
      return runSanitize(command, safeIo, VERSION);
  }
}
