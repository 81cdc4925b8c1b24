/**
 * bench/function.mjs's stand-in for the Fn agent (bench/fn-agent-connection.cjs): its answer parser, and invocations
 * through the real FDK over its unix socket, one kept-alive connection for several calls.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { connectAsFnAgent, parseAnswer } = require('../../bench/fn-agent-connection.cjs') as {
  connectAsFnAgent(socketPath: string): Promise<{ invoke(body: string, callId: string, deadline: string): Promise<{ status: number; body: string }>; close(): void }>;
  parseAnswer(bytes: Buffer): { status: number; body: string; length: number } | null;
};

describe('parseAnswer', () => {
  const chunked = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n4\r\n"é"\r\n1\r\n}\r\n0\r\n\r\n');

  test('a chunked answer: null for every incomplete prefix, then the whole body and its length', () => {
    for (let cut = 0; cut < chunked.length; cut++) expect(parseAnswer(chunked.subarray(0, cut))).toBeNull();
    expect(parseAnswer(chunked)).toEqual({ status: 200, body: '{"a":"é"}', length: chunked.length });
  });

  test('a Content-Length answer, followed by the start of the next one', () => {
    const first = Buffer.from('HTTP/1.1 502 internal error\r\ncontent-length: 4\r\n\r\n{"x"');
    expect(parseAnswer(first.subarray(0, first.length - 1))).toBeNull();
    expect(parseAnswer(Buffer.concat([first, chunked.subarray(0, 10)]))).toEqual({ status: 502, body: '{"x"', length: first.length });
  });

  test('what it does not understand throws, naming it', () => {
    expect(() => parseAnswer(Buffer.from('garbage\r\n\r\n'))).toThrow('not an HTTP/1.1 answer: "garbage"');
    expect(() => parseAnswer(Buffer.from('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody'))).toThrow('an answer with neither Content-Length nor chunked encoding');
    expect(() => parseAnswer(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'))).toThrow('bad chunk size "zz"');
  });
});

describe('invocations through the real FDK', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-agent-'));
  const socketPath = path.join(dir, 'lsnr.sock');
  const fn = spawn(
    process.execPath,
    ['-e', "let n = 0; require('@fnproject/fdk').handle((input, ctx) => ({ input, callId: ctx.callID, deadline: ctx.deadline.toISOString(), n: n++ }), { inputMode: 'string' });"],
    { cwd: path.join(__dirname, '..', '..'), env: { PATH: process.env.PATH ?? '', FN_FORMAT: 'http-stream', FN_LISTENER: `unix:${socketPath}` }, stdio: 'ignore' },
  );
  afterAll(() => {
    fn.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('several calls on one connection: each body, call id and deadline reach the function, each answer comes back whole', async () => {
    for (let waited = 0; !fs.existsSync(socketPath); waited += 20) {
      if (waited > 10_000) throw new Error('the FDK did not listen');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const agent = await connectAsFnAgent(socketPath);
    try {
      const big = 'x'.repeat(100_000);
      for (const [i, input] of ['{"résumé":"😀"}', big, ''].entries()) {
        const answer = await agent.invoke(input, `call-${i}`, '2030-01-02T03:04:05Z');
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({ input, callId: `call-${i}`, deadline: '2030-01-02T03:04:05.000Z', n: i });
      }
    } finally {
      agent.close();
    }
  });
});
