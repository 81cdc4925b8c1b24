/**
 * The function's build context is written to a private, content-addressed cache under the project, never to a
 * predictable path in the shared temp dir, and nothing planted by someone else (a symbolic link, a directory of
 * another user, a tampered context) is followed or used (CWE-377).
 */
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { BundledFunctionCode } from '../../lib';
import { projectCacheRoot, writeBuildContext } from '../../lib/bundling/build-context-cache';
import { defaultFunctionEntry } from '../../lib/bundling/bundle-function';
import { clearImageContextCache } from '../../lib/oci/container-image';
import { bundleHashes } from '../helpers/bundle-hash';
import { COMPARTMENT } from '../helpers/synth';

const FILES = { Dockerfile: 'FROM scratch\n', 'func.js': 'module.exports = 1;\n', 'func.yaml': 'runtime: docker\n' };
const HASH = 'ab'.repeat(32);
const mode = (path: string) => lstatSync(path).mode & 0o777;

let base: string;
let project: string;
let root: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'context-cache-'));
  project = join(base, 'project');
  mkdirSync(join(project, 'src', 'deep'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{}');
  root = join(project, 'node_modules', '.cache', 'cdktf-oci-claim-check', 'function-contexts');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const write = (files: Record<string, string> = FILES, hash = HASH) => writeBuildContext(files, hash, { workingDirectory: join(project, 'src', 'deep') });
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('the function build context cache', () => {
  test('is under the nearest project (package.json) in node_modules/.cache, private to this user, named by the hash', () => {
    expect(projectCacheRoot({ workingDirectory: join(project, 'src', 'deep') })).toBe(root);
    const dir = write();
    expect(dir).toBe(join(root, HASH));
    expect(contents(dir)).toEqual(FILES);
    expect([mode(dirname2(root)), mode(root), mode(dir)]).toEqual([0o700, 0o700, 0o700]);
    expect(lstatSync(dir).uid).toBe(process.getuid!());
    // Written once: a second call reuses it (same inode), and no staging directory is left behind.
    const inode = statSync(dir).ino;
    expect(write()).toBe(dir);
    expect(statSync(dir).ino).toBe(inode);
    expect(readdirSync(root)).toEqual([HASH]);
  });

  test('a cache directory that is a symbolic link, belongs to another user or is world-writable is refused, and nothing is written through it', () => {
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(join(project, 'node_modules', '.cache'), { recursive: true });
    symlinkSync(elsewhere, dirname2(root));
    expect(() => write()).toThrow(/cdktf-oci-claim-check for the function build context: it is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);

    rmSync(dirname2(root));
    mkdirSync(dirname2(root), { mode: 0o700 });
    chownSync(dirname2(root), 12345, 12345);
    expect(() => write()).toThrow(/belongs to uid 12345, not to this user/);
    expect(readdirSync(dirname2(root))).toEqual([]);

    rmSync(join(project, 'node_modules'), { recursive: true });
    mkdirSync(join(project, 'node_modules', '.cache'), { recursive: true, mode: 0o777 });
    chmodSync(join(project, 'node_modules', '.cache'), 0o777);
    expect(() => write()).toThrow(/\.cache for the function build context: it has mode 777/);
  });

  test('a planted or tampered context is replaced, never followed: a link as the context, a link or an extra file inside it, changed content', () => {
    const victimDir = join(base, 'victim-dir');
    const victimFile = join(base, 'victim-file');
    mkdirSync(victimDir);
    writeFileSync(victimFile, 'precious');
    mkdirSync(root, { recursive: true, mode: 0o700 });

    symlinkSync(victimDir, join(root, HASH));
    const dir = write();
    expect([lstatSync(dir).isDirectory(), contents(dir)]).toEqual([true, FILES]);
    expect(readdirSync(victimDir)).toEqual([]);

    rmSync(join(dir, 'func.js'));
    symlinkSync(victimFile, join(dir, 'func.js'));
    expect(contents(write())).toEqual(FILES);
    expect(lstatSync(join(dir, 'func.js')).isFile()).toBe(true);
    expect(readFileSync(victimFile, 'utf8')).toBe('precious');

    writeFileSync(join(dir, 'func.js'), 'tampered');
    writeFileSync(join(dir, 'extra'), 'x');
    expect(contents(write())).toEqual(FILES);
  });

  test('without a project above the working directory, a private temp directory (mkdtemp) is used', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-project-'));
    try {
      expect(projectCacheRoot({ workingDirectory: outside })).toBeUndefined();
      const dir = writeBuildContext(FILES, HASH, { workingDirectory: outside });
      expect(dir).toMatch(new RegExp(`^${escape(tmpdir())}/claimcheck-fn-contexts-\\w{6}/${HASH}$`));
      expect([mode(join(dir, '..')), contents(dir)]).toEqual([0o700, FILES]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('synth writes nothing at the old predictable temp path, even when a link to elsewhere is planted there', () => {
    const synthHash = () => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new BundledFunctionCode({ entry: defaultFunctionEntry(), compartmentId: COMPARTMENT, region: 'us-ashburn-1' }).bind(stack);
      return bundleHashes(JSON.parse(Testing.synth(stack)))[0].contentHash;
    };
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(project);
    try {
      const hash = synthHash();

      // What another local user could plant where the context used to go (os.tmpdir()/claimcheck-fn-context-<hash>).
      const planted = join(tmpdir(), `claimcheck-fn-context-${hash.slice(0, 16)}`);
      const victimDir = join(base, 'victim-dir');
      mkdirSync(victimDir);
      rmSync(planted, { recursive: true, force: true });
      symlinkSync(victimDir, planted);
      try {
        rmSync(join(project, 'node_modules'), { recursive: true, force: true });
        clearImageContextCache();
        expect(synthHash()).toBe(hash);
        expect(readdirSync(victimDir)).toEqual([]);
      } finally {
        rmSync(planted, { force: true });
      }
      // The context went to the project's cache instead.
      expect(contents(join(root, hash))).toEqual({ Dockerfile: expect.any(String), 'func.js': expect.any(String), 'func.yaml': expect.any(String), 'start.cjs': expect.any(String) });
    } finally {
      cwd.mockRestore();
    }
  });
});

/** node_modules/.cache/cdktf-oci-claim-check (the parent of the contexts root). */
function dirname2(contextsRoot: string): string {
  return join(contextsRoot, '..');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
