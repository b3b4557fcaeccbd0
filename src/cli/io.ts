/** What a command may touch of the process: passed in, so commands run the same in tests and in the shell. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress displays). */
  readonly interactive: boolean;
  /** Asks a question on the terminal (only when stdin is one); undefined elsewhere. */
  readonly ask?: (question: string) => Promise<string>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    ...(process.stdin.isTTY
      ? {
          ask: async (question: string) => {
            const { createInterface } = await import('node:readline/promises');
            const rl = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          },
        }
      : {}),
  };
}

/** A failure the CLI reports in one line and exits 1 for. */
export class CliFailure extends Error {}

/** A usage error found by a command (a malformed argument): exit 2. */
export class CliUsageError extends Error {}
