/**
 * Standard output and error written at once, without Node's stream (cli/io.ts): everything reaches the descriptor in
 * order, a pipe that cannot take more now (EAGAIN) gets the rest through the stream, and after the reader went away
 * (EPIPE) nothing more is written and nothing is thrown. And the installed command: `bibfolio format | head` ends
 * with status 0 and no error, and a pipe gets what a file gets.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directWriter } from '../../src/cli/io.js';
import { ROOT } from '../helpers.js';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/** A descriptor that takes `room` bytes per call and then fails with `code` (once `after` calls went through). */
function descriptor(room: number, failure?: { code: string; after: number }) {
  const written: number[] = [];
  let calls = 0;
  const write = (_fd: number, bytes: Uint8Array, offset: number): number => {
    if (failure && calls++ >= failure.after) throw errno(failure.code);
    const n = Math.min(room, bytes.length - offset);
    written.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  return { write, text: () => Buffer.from(written).toString('utf8') };
}

function fakeStream() {
  const chunks: string[] = [];
  const handlers: ((err: NodeJS.ErrnoException) => void)[] = [];
  const stream = {
    write: (chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
    on: (_event: string, handler: (err: NodeJS.ErrnoException) => void) => {
      handlers.push(handler);
      return stream;
    },
  };
  return { stream, text: () => chunks.join(''), fail: (err: NodeJS.ErrnoException) => handlers.forEach((h) => h(err)) };
}

describe('output written without the stream', () => {
  it('writes everything, in order, however little the descriptor takes per call', () => {
    const fd = descriptor(3);
    const out = directWriter(1, fd.write, () => {
      throw new Error('the stream is not needed');
    });
    out('Kamélia Daudel, ');
    out('**Joe Benton**\\*');
    expect(fd.text()).toBe('Kamélia Daudel, **Joe Benton**\\*');
  });

  it('hands the rest to the stream when the pipe is full for now (EAGAIN), and all later text too', () => {
    const fd = descriptor(4, { code: 'EAGAIN', after: 2 });
    const fake = fakeStream();
    const out = directWriter(1, fd.write, () => fake.stream as never);
    out('0123456789abcdef');
    out(' and more');
    expect(fd.text() + fake.text()).toBe('0123456789abcdef and more');
    expect(fd.text()).toBe('01234567');
  });

  it('writes nothing more after the reader went away (EPIPE), and throws nothing', () => {
    const fd = descriptor(4, { code: 'EPIPE', after: 1 });
    const out = directWriter(1, fd.write);
    expect(() => out('0123456789')).not.toThrow();
    expect(() => out('later')).not.toThrow();
    expect(fd.text()).toBe('0123');
  });

  it('ends quietly when the stream it handed over to meets EPIPE; another error is thrown', () => {
    const fd = descriptor(2, { code: 'EAGAIN', after: 0 });
    const fake = fakeStream();
    const out = directWriter(2, fd.write, () => fake.stream as never);
    out('first');
    fake.fail(errno('EPIPE'));
    out('never');
    expect(fake.text()).toBe('first');
    const other = fakeStream();
    directWriter(2, descriptor(1, { code: 'EAGAIN', after: 0 }).write, () => other.stream as never)('x');
    expect(() => other.fail(errno('EIO'))).toThrow('EIO');
  });

  it('throws any other failure to write', () => {
    const out = directWriter(1, descriptor(1, { code: 'EBADF', after: 0 }).write);
    expect(() => out('x')).toThrow('EBADF');
  });
});

describe('the installed command and a pipe', () => {
  const launcher = join(ROOT, 'dist/cli/launch.cjs');
  const args = [launcher, 'format', '--config', join(ROOT, 'bibfolio.config.json'), '--to', 'markdown'];

  it('gives a pipe what it gives a file', () => {
    const viaPipe = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const file = join(mkdtempSync(join(tmpdir(), 'bibfolio-output-')), 'list.md');
    execFileSync(process.execPath, [...args, '--out', file]);
    expect(viaPipe).toBe(readFileSync(file, 'utf8'));
    expect(viaPipe).toContain('**Joe Benton**');
  });

  it('ends with status 0 and no error when the reader has gone before it writes', () => {
    // `true` reads nothing and exits at once: the list is written to a closed pipe (EPIPE)
    const quoted = [process.execPath, ...args].map((a) => `'${a}'`).join(' ');
    const run = spawnSync('bash', ['-c', `${quoted} 2>&1 | (exec 0<&-; true); echo "status \${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('status 0\n');
  });
});
