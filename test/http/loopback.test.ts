/** `--delay-ms` below a service's minimum is accepted for loopback addresses (a stand-in) only, for every client. */
import { describe, expect, it } from 'vitest';
import { ArxivClient, ArxivUsageError } from '../../src/arxiv/client.js';
import { isLoopbackUrl } from '../../src/http/loopback.js';
import { DoiClient } from '../../src/sources/doi.js';
import { OrcidClient } from '../../src/sources/orcid.js';
import { SourceUsageError } from '../../src/venues/source-client.js';

describe('a short delay is for loopback addresses only', () => {
  it('knows this machine by name and address', () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]:9/x', 'http://127.1.2.3/'])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ['https://example.org/', 'http://127.0.0.1.example.org/', 'http://10.0.0.1/', 'not a url'])
      expect(isLoopbackUrl(url), url).toBe(false);
  });

  it('every client refuses --delay-ms 0 for any other host, and accepts it on loopback', () => {
    expect(
      () => new DoiClient({ baseUrl: 'https://resolver.example.org', crossrefUrl: 'http://127.0.0.1:1', delayMs: 0 }),
    ).toThrow(SourceUsageError);
    expect(() => new OrcidClient({ baseUrl: 'https://pub.orcid.org', delayMs: 0 })).toThrow(/shared service/);
    expect(() => new OrcidClient({ baseUrl: 'http://127.0.0.1:9/orcid', delayMs: 0 })).not.toThrow();
    expect(() => new ArxivClient({ apiUrl: 'https://mirror.example.org/api/query', delayMs: 0 })).toThrow(
      ArxivUsageError,
    );
    expect(() => new ArxivClient({ apiUrl: 'http://127.0.0.1:9/api/query', delayMs: 0 })).not.toThrow();
  });
});
