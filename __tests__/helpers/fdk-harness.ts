/**
 * The FDK test harness: the product's FdkProcess (lib/local/fdk-process.ts, the Fn agent's unix-socket protocol
 * without Docker) plus a per-test-file bundle of the function.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleFunction, BundleFunctionResult, defaultFunctionEntry } from '../../lib/bundling/bundle-function';

export { FdkProcess, invokeSocket, toRfc3339 } from '../../lib/local/fdk-process';
export type { FdkResponse, InvokeOptions, LogLine } from '../../lib/local/fdk-process';

/** Bundles lambda-src/func.ts into a fresh temp dir (one per test file). */
export function bundleFunctionForTest(options: { define?: Record<string, string> } = {}): BundleFunctionResult & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-bundle-'));
  return { ...bundleFunction({ entry: defaultFunctionEntry(), outFile: path.join(dir, 'func.js'), define: options.define }), dir };
}
