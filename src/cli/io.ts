/** What a command gets from the process: the streams and the terminal width (tests and main.ts provide them). */
export interface CliIo {
  /** Writes to stdout; the promise, when there is one, settles once more may be written (a full pipe waits). */
  readonly stdout: (text: string) => void | Promise<void>;
  /** One problem, without the `faultline: ` prefix and the line break, which the CLI adds. */
  readonly stderr: (text: string) => void;
  readonly stdin: AsyncIterable<Uint8Array>;
  /** Terminal width, or undefined when output is not a terminal. */
  readonly columns: number | undefined;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
