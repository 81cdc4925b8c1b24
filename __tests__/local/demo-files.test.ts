import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesFromDirectory, generateDemoFiles, sha256 } from '../../lib/local/demo-files';
import { classifyResponse } from '../../lib/local/function-runner';

describe('demo files', () => {
  test('generated files are deterministic, unique, awkwardly named and within Object Storage name limits', () => {
    const a = generateDemoFiles(500);
    const b = generateDemoFiles(500);
    expect(a.map((f) => [f.name, f.sha256])).toEqual(b.map((f) => [f.name, f.sha256]));
    expect(new Set(a.map((f) => f.name)).size).toBe(500);
    for (const ch of [' ', '%', '+', '#', '?', '/', 'ü', '日', '📦']) {
      expect([ch, a.some((f) => f.name.includes(ch))]).toEqual([ch, true]);
    }
    for (const f of a) {
      expect(Buffer.byteLength(f.name, 'utf8')).toBeLessThanOrEqual(1024);
      expect(f.name).not.toMatch(/[\r\n\0]/);
      expect(f.sha256).toBe(sha256(f.content));
    }
  });

  test('files from a directory keep their relative path as the object name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-dir-'));
    try {
      mkdirSync(join(dir, 'sub dir', 'deeper'), { recursive: true });
      writeFileSync(join(dir, 'top.txt'), 'top');
      writeFileSync(join(dir, 'sub dir', 'deeper', 'x#1.bin'), Buffer.from([1, 2, 3]));
      expect(filesFromDirectory(dir).map((f) => [f.name, f.content.length])).toEqual([
        ['sub dir/deeper/x#1.bin', 3],
        ['top.txt', 3],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('function answer → Events retry decision', () => {
  test.each([
    [200, '{"status":"published","offset":1}', { delivered: true, retryable: false }],
    [200, '{"status":"filtered","bucket":"b","object":"x.tmp"}', { delivered: true, retryable: false }],
    [200, '{"status":"rejected","error":{"code":"MalformedJson"}}', { delivered: false, retryable: false }],
    [502, '{"message":"Exception in function"}', { delivered: false, retryable: true }],
    [200, 'not json', { delivered: false, retryable: true }],
    [200, '{"status":"something-else"}', { delivered: false, retryable: true }],
  ])('HTTP %i %s', (status, body, expected) => {
    expect(classifyResponse(status, body)).toMatchObject(expected);
  });
});
