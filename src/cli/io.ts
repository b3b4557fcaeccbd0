import { fstatSync } from 'node:fs';
import { CONTROL_CHARACTERS } from '../store/field-text.js';

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

/** The sequence a progress line uses to clear itself: the only escape bibfolio itself writes. */
const CLEAR_LINE = '\r\x1b[K';

/**
 * Text as a terminal may receive it: a control character (ESC, BEL, a C1 code, a bidirectional override) from a
 * store, a service or a file is shown as its Unicode control picture (␛), never obeyed.
 */
export function terminalText(text: string): string {
  const clear = text.startsWith(CLEAR_LINE);
  const body = clear ? text.slice(CLEAR_LINE.length) : text;
  const safe = body.replace(CONTROL_CHARACTERS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20
      ? String.fromCharCode(0x2400 + code)
      : code === 0x7f
        ? '\u2421'
        : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
  return clear ? CLEAR_LINE + safe : safe;
}

function stdinIsTerminal(): boolean {
  try {
    return fstatSync(0).isCharacterDevice() && process.platform !== 'win32';
  } catch {
    return false;
  }
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(terminalText(text)),
    stderr: (text) => process.stderr.write(terminalText(text)),
    interactive: Boolean(process.stderr.isTTY),
    // not process.stdin.isTTY: reading that property opens standard input, and node:tty loads node:net (a few ms of
    // every run); a terminal is a character device
    ...(stdinIsTerminal()
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
