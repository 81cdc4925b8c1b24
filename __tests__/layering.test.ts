/**
 * The layering rule (CONTRIBUTING.md, "Layout"), checked on the imports of every TypeScript source of the product:
 * `import`, `import type`, `export ... from`, `require()` and `import()` specifiers, as the TypeScript
 * compiler's pre-processor reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const PACKAGE_NAME = 'cdktf-oci-claim-check';

/** Where a file sits: the first folder under lib/ (`lib/oci`), or the top-level entry (`lambda-src`, `main`, `bin`). */
function layerOf(path: string): string {
  const parts = path.split('/');
  // `lib/contract` (a folder's index) is that folder's layer; `lib/index` is the package index.
  if (parts[0] === 'lib') return parts.length > 2 || (parts.length === 2 && parts[1].replace(/\.ts$/, '') !== 'index') ? `lib/${parts[1]}` : 'lib';
  if (parts[0] === 'main.ts' || parts[0] === 'main') return 'main';
  return parts[0];
}

interface Rule {
  /** The layers the rule is about. */
  readonly from: readonly string[];
  /** If given: the only product layers they may import (their own included). */
  readonly only?: readonly string[];
  /** Product layers they never import. */
  readonly never?: readonly string[];
  /** Per imported layer: the only modules of it they may import (paths without extension). */
  readonly onlyModules?: Readonly<Record<string, readonly string[]>>;
  readonly why: string;
}

const LIB_LAYERS = ['lib', 'lib/generated', 'lib/oci', 'lib/pattern', 'lib/sample', 'lib/bundling', 'lib/testing', 'lib/local', 'lib/consumer', 'lib/emulators', 'lib/contract', 'lib/runtime', 'lib/reconciler'];
/** The construct side (the package index included): what a consumer or an emulator never needs. */
const CONSTRUCTS = ['lib', 'lib/generated', 'lib/oci', 'lib/pattern', 'lib/sample', 'lib/local'];

const RULES: Rule[] = [
  { from: ['lib/generated'], only: ['lib/generated'], why: 'L1 bindings are generated from the provider schema and import nothing of the product' },
  {
    from: ['lib/oci'],
    only: ['lib/oci', 'lib/generated', 'lib/bundling', 'lib/contract'],
    why: 'L2 builds on L1 (and its own private/), the synth-time bundler and the contract; never on L3 or the runtime half',
  },
  {
    from: ['lib/pattern'],
    only: ['lib/pattern', 'lib/oci', 'lib/generated', 'lib/bundling', 'lib/contract'],
    why: 'L3 composes L2 and L1',
  },
  { from: ['lib/sample'], only: ['lib/sample', 'lib/pattern', 'lib/oci', 'lib/generated'], why: 'the sample stack is an app of the constructs' },
  { from: LIB_LAYERS, never: ['main', '__tests__'], why: 'the library never depends on the sample entry or on its tests' },
  {
    from: LIB_LAYERS,
    never: ['lambda-src'],
    why: "the function's source is bundled by path, never imported: what both sides share lives in lib/contract",
  },
  {
    from: ['lambda-src'],
    only: ['lambda-src', 'lib/contract', 'lib/runtime'],
    why: 'the function imports only the contract and the runtime toolkit from lib/ (esbuild bundles them)',
  },
  { from: ['lib/consumer', 'lib/emulators'], never: CONSTRUCTS, why: 'the runtime half never depends on the constructs' },
  {
    from: ['lib/reconciler'],
    only: ['lib/reconciler', 'lib/contract', 'lib/runtime', 'lib/consumer'],
    onlyModules: { 'lib/consumer': ['lib/consumer/progress-store'] },
    why: "the reconciler builds on the contract, the runtime toolkit and the consumers' progress records (their reader only), never on the constructs, the emulators or the local circuit (issue 8)",
  },
  { from: ['lib/consumer', 'lib/emulators'], never: ['lib/reconciler'], why: 'the consumer and the emulators do not depend on the reconciler, which builds on them' },
  { from: ['lib/contract'], only: ['lib/contract'], why: 'the contract imports nothing of the product (issue 11)' },
  {
    from: ['lib/runtime'],
    only: ['lib/runtime', 'lib/contract'],
    why: 'the runtime toolkit is shared by the function, the consumer and the emulators, and imports none of them (issue 11)',
  },
];

/**
 * Known violations that are being fixed elsewhere. Each entry is `<file> -> <imported file>`; remove it with the fix.
 * An entry that no longer matches anything fails the test, so the list cannot go stale.
 */
const ALLOWED_VIOLATIONS: ReadonlyArray<{ readonly edge: string; readonly issue: string }> = [];

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

interface Violation {
  readonly edge: string;
  readonly message: string;
}

/** The product's TypeScript sources: lib/, lambda-src/, bin/ and main.ts. */
function productSources(): SourceFile[] {
  const files: string[] = ['main.ts'];
  for (const dir of ['lib', 'lambda-src', 'bin']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !entry.split('/').includes('node_modules')) files.push(`${dir}/${entry}`);
    }
  }
  return files.map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** The product path an import specifier points at (without extension), or undefined for a third-party module. */
function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  if (specifier === PACKAGE_NAME) return 'lib/index';
  if (specifier.startsWith(`${PACKAGE_NAME}/`)) return `lib/${specifier.slice(PACKAGE_NAME.length + 1)}`;
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(ROOT, normalize(join(ROOT, dirname(fromFile), specifier)));
  return target.replace(/\.(ts|js)$/, '') || '.';
}

export function findViolations(files: SourceFile[], rules: Rule[] = RULES): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    for (const imported of ts.preProcessFile(file.text, true, true).importedFiles) {
      const target = resolveSpecifier(file.path, imported.fileName);
      if (target === undefined) continue;
      const to = layerOf(target);
      for (const rule of rules) {
        if (!rule.from.includes(from)) continue;
        const modules = rule.onlyModules?.[to];
        const broken = (rule.only && !rule.only.includes(to)) || rule.never?.includes(to) || (modules !== undefined && !modules.includes(target));
        if (broken) {
          violations.push({
            edge: `${file.path} -> ${target}`,
            message: `${file.path} imports '${imported.fileName}' (${to}): ${rule.why}`,
          });
        }
      }
    }
  }
  return violations;
}

describe('layering', () => {
  const violations = findViolations(productSources());
  const allowed = new Set(ALLOWED_VIOLATIONS.map((a) => a.edge));

  test('no module imports across the layers the wrong way', () => {
    expect(violations.filter((v) => !allowed.has(v.edge)).map((v) => v.message)).toEqual([]);
  });

  test('every allow-list entry is still a real violation (remove it once fixed)', () => {
    const seen = new Set(violations.map((v) => v.edge));
    expect([...allowed].filter((edge) => !seen.has(edge))).toEqual([]);
  });

  test('the scan sees every kind of import, and each rule bites', () => {
    const file = (path: string, text: string) => ({ path, text });
    const found = findViolations([
      file('lib/oci/x.ts', "import { P } from '../pattern/claim-check-pipeline';\nimport type { L } from '../local/circuit';"),
      file('lib/oci/y.ts', "export * from '../consumer';\nconst e = require('../emulators/cli');\nconst m = import('../../main');"),
      file('lib/generated/providers/oci/z.ts', "import { Bucket } from '../../../oci/bucket';"),
      file('lib/pattern/p.ts', "import { LocalCircuit } from '../local/circuit';\nimport { ok } from '../oci/private/validation';"),
      file('lambda-src/f.ts', "import { ClaimCheckPipeline } from '../lib';\nimport { ok } from '../lib/contract/claim';\nimport { ok2 } from '../lib/runtime/retry';"),
      file('lib/consumer/c.ts', "import { Bucket } from 'cdktf-oci-claim-check';\nimport { x } from '../runtime/retry';"),
      file('lib/emulators/e.ts', "import { readStackTopology } from '../local/stack-topology';"),
      file('lib/local/l.ts', "import { synthSampleApp } from '../../main';\nimport { helper } from '../../__tests__/helpers/synth';\nimport { handler } from '../../lambda-src/func';"),
      file('lib/contract/k.ts', "import { Logger } from '../runtime/logger';"),
      file('lib/runtime/r.ts', "import { ClaimCheckConsumer } from '../consumer';"),
      file(
        'lib/reconciler/q.ts',
        "import { BucketProgressStore } from '../consumer/progress-store';\nimport { dedupeKey } from '../consumer/dedupe';\nimport { LocalCircuit } from '../local/circuit';\nimport { Bucket } from '../oci/bucket';\nimport { ObjectStorageEmulator } from '../emulators';",
      ),
      file('lib/consumer/d.ts', "import { ClaimCheckReconciler } from '../reconciler';"),
    ]);
    expect(found.map((v) => v.edge)).toEqual([
      'lib/oci/x.ts -> lib/pattern/claim-check-pipeline',
      'lib/oci/x.ts -> lib/local/circuit',
      'lib/oci/y.ts -> lib/consumer',
      'lib/oci/y.ts -> lib/emulators/cli',
      'lib/oci/y.ts -> main',
      'lib/oci/y.ts -> main',
      'lib/generated/providers/oci/z.ts -> lib/oci/bucket',
      'lib/pattern/p.ts -> lib/local/circuit',
      'lambda-src/f.ts -> lib',
      'lib/consumer/c.ts -> lib/index',
      'lib/emulators/e.ts -> lib/local/stack-topology',
      'lib/local/l.ts -> main',
      'lib/local/l.ts -> __tests__/helpers/synth',
      'lib/local/l.ts -> lambda-src/func',
      'lib/contract/k.ts -> lib/runtime/logger',
      'lib/runtime/r.ts -> lib/consumer',
      'lib/reconciler/q.ts -> lib/consumer/dedupe',
      'lib/reconciler/q.ts -> lib/local/circuit',
      'lib/reconciler/q.ts -> lib/oci/bucket',
      'lib/reconciler/q.ts -> lib/emulators',
      'lib/consumer/d.ts -> lib/reconciler',
    ]);
    expect(found[0].message).toBe(
      "lib/oci/x.ts imports '../pattern/claim-check-pipeline' (lib/pattern): L2 builds on L1 (and its own private/), the synth-time bundler and the contract; never on L3 or the runtime half",
    );
  });
});
