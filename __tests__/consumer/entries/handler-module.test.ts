/** Which export of the user's module the entries run: `handler`, else the default, else the only export. */
import { resolveHandler } from '../../../lib/consumer/entries/handler-module';
import { OutcomeReporter } from '../../../lib/consumer/entries/outcome-report';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { makeClaim } from '../helpers';

const fn = async (): Promise<void> => undefined;
const other = async (): Promise<void> => undefined;

describe('resolveHandler', () => {
  test('`handler` first, then the default export (also nested once by CommonJS interop), then the only export', () => {
    expect(resolveHandler({ handler: fn, default: other, helper: other })).toBe(fn);
    expect(resolveHandler({ __esModule: true, default: fn })).toBe(fn);
    expect(resolveHandler({ default: { default: fn } })).toBe(fn);
    expect(resolveHandler({ consume: fn })).toBe(fn);
  });

  test('anything else is an error naming the exports, or the export that is not a function', () => {
    expect(() => resolveHandler({})).toThrow('The handler module exports nothing: export the claim handler as `handler`, as the default export, or as its only export');
    expect(() => resolveHandler({ a: fn, b: other })).toThrow('The handler module exports a, b: name the claim handler `handler` (or make it the default or the only export)');
    expect(() => resolveHandler({ handler: 42 })).toThrow("The handler module's `handler` export is a number, not a function");
  });
});

describe('OutcomeReporter (the demo accounting)', () => {
  const object = (content: string) => ({
    body: Readable.from([Buffer.from(content)]),
    namespace: 'ns',
    bucket: 'landing',
    name: 'a.txt',
    etag: 'e1',
    contentLength: content.length,
    contentType: null,
    contentMd5: null,
    multipartMd5: null,
    metadata: {},
    versionId: null,
    storageTier: null,
  });
  const context = { attempt: 1, maxAttempts: 5, partition: '0', offset: 0, group: 'g', instance: 'i', signal: new AbortController().signal };

  test('a processed claim carries the SHA-256 of what the handler read, when it read it all; null otherwise', async () => {
    const lines: string[] = [];
    const reporter = new OutcomeReporter('replica-1', (line) => lines.push(line));
    const claim = makeClaim({ object: 'a.txt', etag: 'e1' });
    const base = { claimId: claim.id, object: { namespace: 'ns', bucket: 'landing', name: 'a.txt' }, eventType: claim.data.eventType, partition: '0', offset: 0, attempts: 1, durationMs: 1 };

    await reporter.wrap(async (_c, o) => {
      for await (const _chunk of o!.body) void _chunk;
    })(claim, object('hello'), context);
    reporter.report({ ...base, status: 'processed' });
    await reporter.wrap(async () => undefined)(claim, object('unread'), context);
    reporter.report({ ...base, status: 'processed' });

    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { type: 'outcome', instance: 'replica-1', status: 'processed', reason: null, previous: null, object: 'a.txt', eventType: claim.data.eventType, sha256: createHash('sha256').update('hello').digest('hex') },
      { type: 'outcome', instance: 'replica-1', status: 'processed', reason: null, previous: null, object: 'a.txt', eventType: claim.data.eventType, sha256: null },
    ]);
  });
});
