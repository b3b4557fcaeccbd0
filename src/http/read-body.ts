/**
 * A response body read whole, within the bounds the polite client sets (polite-client.ts): silence longer than the
 * read timeout, more bytes than the cap, the request's deadline, and a connection closed before the end each fail
 * with one line.
 */
import type { Readable } from 'node:stream';
import { TooLarge } from './transport.js';

/** The bounds of reading one body: the read timeout (silence), the request's deadline (its message), the size cap. */
export interface BodyLimits {
  readonly maxBytes: number;
  readonly readTimeoutMs: number;
  readonly requestDeadlineMs: number;
}

/** Reads the body with a read timeout (silence) and a size cap; `signal` aborts at the request's deadline. */
export function readBody(stream: Readable, signal: AbortSignal, limits: BodyLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const { maxBytes, readTimeoutMs, requestDeadlineMs } = limits;
    const onDeadline = (): void => {
      clearTimeout(timer);
      stream.destroy();
      reject(new Error(`no complete answer within ${requestDeadlineMs} ms`));
    };
    if (signal.aborted) queueMicrotask(onDeadline);
    else signal.addEventListener('abort', onDeadline, { once: true });
    let timer = setTimeout(onSilence, readTimeoutMs);
    function onSilence(): void {
      stream.destroy();
      reject(new Error(`the response stalled for ${readTimeoutMs} ms`));
    }
    stream.on('data', (chunk: Buffer) => {
      clearTimeout(timer);
      timer = setTimeout(onSilence, readTimeoutMs);
      size += chunk.length;
      if (size > maxBytes) {
        clearTimeout(timer);
        stream.destroy();
        reject(new TooLarge(`the response is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    stream.on('error', (err) => {
      clearTimeout(timer);
      if (signal.aborted) onDeadline();
      else reject(new Error(`the response was cut off: ${err.message}`));
    });
    stream.on('close', () => {
      clearTimeout(timer);
      // a no-op once the body has ended; otherwise the connection closed early
      reject(new Error('the response was cut off before its end'));
    });
  });
}
