/**
 * The patterns pause Node's source-mapped stack traces while they build (lib/oci/private/source-mapped-stacks.ts):
 * cdktf formats a trace for every token it creates. Checked: the switch itself, that each pattern turns them off while
 * building and back on after (also when its props are refused), and, under tsx as `cdktf synth` runs a team's app,
 * that an error a pattern throws still names the app's TypeScript line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionCode } from '../../lib';
import { pauseSourceMappedStacks } from '../../lib/oci/private/source-mapped-stacks';
import { ClaimCheckNetwork } from '../../lib/pattern/claim-check-network';
import { ClaimCheckPipeline } from '../../lib/pattern/claim-check-pipeline';
import { COMPARTMENT, IMAGE, newScope, SUBNET } from '../helpers/synth';

const ROOT = join(__dirname, '..', '..');
/** Where cdktf records a token's stack trace (every Lazy, reference and list attribute calls it). */
const cdktfStackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace(below?: Function): string[] };

/** A stand-in for process's switch, recording what it was set to. */
function fakeSwitch(enabled: boolean) {
  const calls: boolean[] = [];
  const node = {
    sourceMapsEnabled: enabled,
    setSourceMapsEnabled(value: boolean) {
      calls.push(value);
      node.sourceMapsEnabled = value;
    },
  };
  return { node, calls };
}

describe('pauseSourceMappedStacks', () => {
  test('on: turned off, and back on by what it returns', () => {
    const { node, calls } = fakeSwitch(true);
    const restore = pauseSourceMappedStacks(node);
    expect(node.sourceMapsEnabled).toBe(false);
    restore();
    expect(node.sourceMapsEnabled).toBe(true);
    expect(calls).toEqual([false, true]);
  });

  test('off: left off, before and after', () => {
    const { node, calls } = fakeSwitch(false);
    pauseSourceMappedStacks(node)();
    expect(calls).toEqual([]);
  });

  test('nested: the inner pause leaves them off, the outer one turns them back on', () => {
    const { node, calls } = fakeSwitch(true);
    const outer = pauseSourceMappedStacks(node);
    const inner = pauseSourceMappedStacks(node);
    inner();
    expect(node.sourceMapsEnabled).toBe(false);
    outer();
    expect(calls).toEqual([false, true]);
  });

  test('a Node without the switch: nothing is touched', () => {
    expect(() => pauseSourceMappedStacks({})()).not.toThrow();
    expect(() => pauseSourceMappedStacks({ sourceMapsEnabled: true })()).not.toThrow();
  });
});

describe('the patterns pause them while building', () => {
  const before = process.sourceMapsEnabled;
  afterEach(() => {
    jest.restoreAllMocks();
    process.setSourceMapsEnabled(before);
  });

  /** Builds with source maps on; returns whether they were on at each trace cdktf recorded for a token, and after. */
  function whileBuilding(build: () => void): { duringBuild: Set<boolean>; after: boolean; threw?: unknown } {
    process.setSourceMapsEnabled(true);
    const duringBuild = new Set<boolean>();
    const original = cdktfStackTrace.captureStackTrace;
    const spy = jest.spyOn(cdktfStackTrace, 'captureStackTrace').mockImplementation((below?: Function) => {
      duringBuild.add(process.sourceMapsEnabled);
      return original(below);
    });
    let threw: unknown;
    try {
      build();
    } catch (error) {
      threw = error;
    } finally {
      spy.mockRestore();
    }
    return { duringBuild, after: process.sourceMapsEnabled, threw };
  }

  test('ClaimCheckPipeline and ClaimCheckNetwork: off for every token trace, on again after', () => {
    for (const build of [
      () => new ClaimCheckPipeline(newScope(), 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) } }),
      () => new ClaimCheckNetwork(newScope(), 'Network', { compartmentId: COMPARTMENT }),
    ]) {
      const seen = whileBuilding(build);
      expect(seen.threw).toBeUndefined();
      expect(seen.duringBuild).toEqual(new Set([false]));
      expect(seen.duringBuild.size).toBe(1);
      expect(seen.after).toBe(true);
    }
  });

  test('props refused: on again when the error leaves the constructor', () => {
    const seen = whileBuilding(() => new ClaimCheckPipeline(newScope(), 'Files', { compartmentId: 'my-compartment', subnetIds: [SUBNET] }));
    expect(String(seen.threw)).toContain('compartmentId "my-compartment": must be an OCID');
    expect(seen.after).toBe(true);
  });
});

test("under tsx, an error thrown by a pattern still names the app's TypeScript line", () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-mapped-stacks-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  try {
    const app = join(dir, 'app.ts');
    // The interface is erased by the TypeScript transform: the call's line in the JavaScript tsx runs is 8 lines
    // earlier than in this file, so only a mapped frame names line 12.
    writeFileSync(
      app,
      [
        `import { App, TerraformStack } from 'cdktf';`,
        `import { ClaimCheckPipeline } from ${JSON.stringify(join(ROOT, 'lib', 'pattern', 'claim-check-pipeline'))};`,
        'interface Erased {',
        '  a: string;',
        '  b: string;',
        '  c: string;',
        '  d: string;',
        '  e: string;',
        '  f: string;',
        '}',
        'const stack = new TerraformStack(new App({ outdir: process.env.OUT_DIR }), "s");',
        `try { new ClaimCheckPipeline(stack, 'Files', { compartmentId: 'my-compartment', subnetIds: [] }); } catch (error) { console.log((error as Error).stack); }`,
        'export type Unused = Erased;',
      ].join('\n'),
    );
    const stack = execFileSync(process.execPath, ['--import', 'tsx', app], { cwd: ROOT, env: { ...process.env, OUT_DIR: join(dir, 'out') }, encoding: 'utf8' });
    expect(stack).toContain('compartmentId "my-compartment": must be an OCID');
    expect(stack).toMatch(/app\.ts:12:\d+\)?\n/);
    expect(process.sourceMapsEnabled === undefined || stack.includes('claim-check-pipeline.ts')).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
