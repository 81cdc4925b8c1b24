// The Fn agent's side of bench/function.mjs's throughput slices: invocations sent the way the agent sends them (an
// HTTP/1.1 POST /call with Fn-Call-Id and Fn-Deadline over the container's unix socket, one at a time, on one kept-alive
// connection), at a cost close to the agent's own.
//
// Why not node:http's client: the agent is a Go process (fn's agent, net/http over the socket), and its CPU is not the
// function's. On this 2-core machine the invoker's CPU per call sits in the chain that events/s measures, one call at a
// time. Node's client took ~0.17 ms of CPU per call (measured with a hello-world function, whose own side is ~0.13 ms),
// which was charged to "the Fn hop". Here each request is one pre-built buffer and one write, and the answer is read
// with a parser for the two forms the FDK writes (Content-Length, or chunked): ~0.04 ms per call.
//
// It reads what a status check and the benchmark's body check need, and throws on anything it does not understand,
// never guessing.
'use strict';
const net = require('node:net');

/** Opens one connection to the function's socket; resolves with { invoke(body, callId, deadline), close() }. */
async function connectAsFnAgent(socketPath) {
  const socket = net.connect(socketPath);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  let waiting = null;
  const fail = (error) => {
    const w = waiting;
    waiting = null;
    w?.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the function closed the connection')));
  socket.on('data', (chunk) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    if (!waiting) return;
    let answer;
    try {
      answer = parseAnswer(received);
    } catch (error) {
      fail(error);
      return;
    }
    if (!answer) return;
    received = received.subarray(answer.length);
    const w = waiting;
    waiting = null;
    w.resolve({ status: answer.status, body: answer.body });
  });
  return {
    invoke(body, callId, deadline) {
      if (waiting) return Promise.reject(new Error('one invocation at a time per connection'));
      const payload = Buffer.from(body, 'utf8');
      const head = `POST /call HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nFn-Call-Id: ${callId}\r\nFn-Deadline: ${deadline}\r\nContent-Length: ${payload.length}\r\n\r\n`;
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
      });
    },
    close() {
      socket.destroy();
    },
  };
}

/** One complete HTTP/1.1 answer at the start of `bytes` ({ status, body, length }), or null when more bytes are due. */
function parseAnswer(bytes) {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = bytes.subarray(0, headEnd).toString('latin1');
  const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(head);
  if (!statusLine) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(head.slice(0, 80))}`);
  const status = Number(statusLine[1]);
  let at = headEnd + 4;
  const length = /\r\ncontent-length: *(\d+)\r?$/im.exec(head);
  if (length) {
    const end = at + Number(length[1]);
    return bytes.length < end ? null : { status, body: bytes.subarray(at, end).toString('utf8'), length: end };
  }
  if (!/\r\ntransfer-encoding: *chunked\r?$/im.test(head)) throw new Error(`an answer with neither Content-Length nor chunked encoding: ${JSON.stringify(head)}`);
  const parts = [];
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isInteger(size) || size < 0) throw new Error(`bad chunk size ${JSON.stringify(bytes.subarray(at, lineEnd).toString('latin1'))}`);
    const next = lineEnd + 2 + size + 2;
    if (bytes.length < next) return null;
    if (size === 0) return { status, body: Buffer.concat(parts).toString('utf8'), length: next };
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = next;
  }
}

module.exports = { connectAsFnAgent, parseAnswer };
