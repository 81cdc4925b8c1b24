import { isLevelEnabled, jsonLinesLogger, LogLevel, LogSink, namespaced } from '../../lib/runtime/logger';

function recorder() {
  const lines: Array<[LogLevel, string, Record<string, unknown> | undefined]> = [];
  const sink: LogSink = { log: (level, event, fields) => void lines.push([level, event, fields]) };
  return { sink, lines };
}

function capture() {
  const written: Record<'out' | 'err', string[]> = { out: [], err: [] };
  const stream = (name: 'out' | 'err') => ({ write: (chunk: string) => written[name].push(chunk) });
  return { written, out: stream('out'), err: stream('err') };
}

describe('namespaced loggers', () => {
  it('prefix every event with the namespace, and children add theirs', () => {
    const { sink, lines } = recorder();
    const consumer = namespaced(sink, 'claim-consumer');
    consumer.log('warn', 'commit-failed', { attempt: 1 });
    consumer.child('session').log('debug', 'beat');
    consumer.child('session').child('cursor').log('info', 'renewed');
    namespaced(sink, '').log('error', 'bare');
    namespaced(sink, '').child('x').log('info', 'y');
    expect(lines).toEqual([
      ['warn', 'claim-consumer.commit-failed', { attempt: 1 }],
      ['debug', 'claim-consumer.session.beat', undefined],
      ['info', 'claim-consumer.session.cursor.renewed', undefined],
      ['error', 'bare', undefined],
      ['info', 'x.y', undefined],
    ]);
    expect(consumer.namespace).toBe('claim-consumer');
    expect(consumer.child('session').namespace).toBe('claim-consumer.session');
  });
});

describe('levels', () => {
  it('debug < info < warn < error', () => {
    expect(isLevelEnabled('debug', 'info')).toBe(false);
    expect(isLevelEnabled('info', 'info')).toBe(true);
    expect(isLevelEnabled('warn', 'info')).toBe(true);
    expect(isLevelEnabled('error', 'warn')).toBe(true);
    expect(isLevelEnabled('info', 'warn')).toBe(false);
    expect(isLevelEnabled('debug', 'debug')).toBe(true);
  });
});

describe('jsonLinesLogger', () => {
  it('writes one JSON object per line with time, level, event and the fields; drops lines below its level', () => {
    const { written, err } = capture();
    const log = jsonLinesLogger({ level: 'info', streamFor: () => err, now: () => Date.UTC(2026, 2, 14, 12, 0, 0) });
    log.log('debug', 'hidden');
    log.log('info', 'claim-check.published', { offset: 7, key: 'a/b' });
    log.log('error', 'claim-check.failed');
    expect(written.err).toEqual([
      '{"time":"2026-03-14T12:00:00.000Z","level":"info","event":"claim-check.published","offset":7,"key":"a/b"}\n',
      '{"time":"2026-03-14T12:00:00.000Z","level":"error","event":"claim-check.failed"}\n',
    ]);
  });

  it('sends each level where streamFor says, and shows debug when asked', () => {
    const { written, out, err } = capture();
    const log = jsonLinesLogger({ level: 'debug', streamFor: (level) => (level === 'warn' || level === 'error' ? err : out) });
    for (const level of ['debug', 'info', 'warn', 'error'] as const) log.log(level, level);
    expect(written.out.map((l) => JSON.parse(l).level)).toEqual(['debug', 'info']);
    expect(written.err.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
  });

  it('defaults to info and above on stderr', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const log = jsonLinesLogger();
      log.log('debug', 'hidden');
      log.log('warn', 'shown', { n: 1 });
      expect(write).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(write.mock.calls[0][0]))).toMatchObject({ level: 'warn', event: 'shown', n: 1, time: expect.any(String) });
    } finally {
      write.mockRestore();
    }
  });
});
