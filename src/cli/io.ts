import { fstatSync, writeSync } from 'node:fs';
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

/**
 * Writes to standard output or error (fd 1 or 2) at once, without Node's stream: process.stdout for a pipe loads
 * node:net, 2 to 4 ms of every run. A descriptor that cannot take everything now (a non-blocking pipe: EAGAIN) gets the
 * rest and all later text through the stream, which waits for it; after a reader went away (EPIPE, `| head`) nothing
 * more is written, and the command ends as it would have.
 */
export function directWriter(
  fd: 1 | 2,
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
  streamOf: () => Pick<NodeJS.WriteStream, 'on' | 'write'> = () => (fd === 1 ? process.stdout : process.stderr),
): (text: string) => void {
  let stream: Pick<NodeJS.WriteStream, 'on' | 'write'> | undefined;
  let closed = false;
  const gone = (err: NodeJS.ErrnoException): boolean => err.code === 'EPIPE' && (closed = true);
  return (text) => {
    if (closed) return;
    if (stream) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += write(fd, bytes, done);
    } catch (err) {
      if (gone(err as NodeJS.ErrnoException)) return;
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      stream = streamOf();
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (!gone(error)) throw error;
      });
      stream.write(bytes.subarray(done));
    }
  };
}

export function processIo(): Io {
  const stdout = directWriter(1);
  const stderr = directWriter(2);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => stdout(terminalText(text)),
    stderr: (text) => stderr(terminalText(text)),
    // read when a command asks (a sync's progress display), not at every start: it makes the stream
    get interactive() {
      return Boolean(process.stderr.isTTY);
    },
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
