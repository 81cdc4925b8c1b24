import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file the demo uploads: its object name and content. */
export interface DemoFile {
  readonly name: string;
  readonly content: Buffer;
  readonly sha256: string;
}

/**
 * Object names that trip up naive code: spaces, unicode, `%`, `+`, `#`, `?`, `/` pseudo-folders, a trailing
 * space before the extension, and characters that look URL-encoded. Object Storage accepts all of them
 * (any character but line feed, carriage return and NULL; at most 1024 bytes of UTF-8).
 */
const NAME_PATTERNS: Array<(i: string) => string> = [
  (i) => `incoming/2026/11/invoice-${i}.pdf`,
  (i) => `scans/receipt ${i}.png`,
  (i) => `ünïcødé/файл-${i}-日本語.txt`,
  (i) => `percent/100%-${i}%20not-encoded.csv`,
  (i) => `plus/a+b=${i}.json`,
  (i) => `hash/#${i}#fragment.txt`,
  (i) => `question/what?${i}&x=1.txt`,
  (i) => `deep/a/b/c/d/e/${i}.bin`,
  (i) => `spaces/ lead and trail ${i} .dat`,
  (i) => `emoji/📦-${i}.log`,
];

/**
 * Files of the demo, made one at a time as they are asked for (`file(i)`), so a list of any length costs no memory
 * until it is read; the uploader takes them in order and lets each go once uploaded.
 */
export interface DemoFileList {
  readonly length: number;
  file(index: number): DemoFile;
}

/** `count` generated files with awkward names and deterministic content of 256 B to ~48 KB. */
export function generateDemoFiles(count: number): DemoFile[] {
  return Array.from({ length: count }, (_, i) => generateDemoFile(i));
}

/** The generated files of `generateDemoFiles(count)`, each made when asked for; names get `prefix` in front. */
export function demoFileList(count: number, prefix = ''): DemoFileList {
  return {
    length: count,
    file: (index) => {
      if (!(Number.isInteger(index) && index >= 0 && index < count)) throw new RangeError(`no demo file ${index} of ${count}`);
      const file = generateDemoFile(index);
      return prefix ? { ...file, name: `${prefix}${file.name}` } : file;
    },
  };
}

/** File number `i` (from 0) of the generated files. */
export function generateDemoFile(i: number): DemoFile {
  const id = String(i + 1).padStart(5, '0');
  const name = NAME_PATTERNS[i % NAME_PATTERNS.length](id);
  const size = 256 + ((i * 7919) % 48000);
  const content = deterministicBytes(`${name}:${i}`, size);
  return { name, content, sha256: sha256(content) };
}

/** Every regular file under `dir`, named by its path relative to `dir` with `/` separators. */
export function filesFromDirectory(dir: string): DemoFile[] {
  const list = directoryFileList(dir);
  return Array.from({ length: list.length }, (_, i) => list.file(i));
}

/** Every regular file under `dir` (sorted, named like `filesFromDirectory`), each read when asked for. */
export function directoryFileList(dir: string): DemoFileList {
  const paths: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) paths.push(path);
    }
  };
  walk(dir);
  return {
    length: paths.length,
    file: (index) => {
      const content = readFileSync(paths[index]);
      return { name: relative(dir, paths[index]).split(sep).join('/'), content, sha256: sha256(content) };
    },
  };
}

function deterministicBytes(seed: string, size: number): Buffer {
  const chunks: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  let total = 0;
  while (total < size) {
    chunks.push(block);
    total += block.length;
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(chunks).subarray(0, size);
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
