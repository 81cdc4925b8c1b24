import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('generated OCI bindings', () => {
  test('lib/generated is exactly what the generator makes from schema/oci-schema.json (never hand-edited)', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'generate-bindings.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/lib\/generated matches the schema \(70 files\)/);
  });
});
