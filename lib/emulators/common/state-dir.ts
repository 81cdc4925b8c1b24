/**
 * The emulators' state directory. Everything an emulator must not lose across a restart lives under `dataDir`,
 * written so that a crash mid-write never leaves a half-written file behind:
 *
 * - whole-file state (group offsets, object metadata) is written to a temp file in the same directory and then
 *   renamed over the target; rename is atomic on POSIX file systems, so readers see the old or the new file;
 * - append-only logs (stream partitions) are written a line at a time; a torn last line is dropped on load.
 *
 * fsync is skipped on purpose: these are local emulators, surviving a process crash matters, surviving a power cut
 * does not.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The caller's directory (created if missing), or a fresh temp dir named after the emulator. */
export function resolveDataDir(dataDir: string | undefined, emulatorName: string): string {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    return dataDir;
  }
  return mkdtempSync(join(tmpdir(), `oci-${emulatorName}-emulator-`));
}

/** Writes `data` to `file` atomically (temp file + rename). Creates the parent directory. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Stream and bucket names become directory names; encode them so any name is a single safe path segment. */
export function safeSegment(name: string): string {
  return encodeURIComponent(name).replace(/\./g, '%2E');
}
