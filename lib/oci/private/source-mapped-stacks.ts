/**
 * Node's source-mapped stack traces, paused while a pattern builds its resources.
 *
 * Why: an app run under tsx (what `cdktf synth` runs for a TypeScript app) has Node's source maps on, and cdktf
 * records a stack trace for every token it creates (each `Lazy` value, reference and list attribute of a resource:
 * over a hundred for one pipeline), formatting it at once. With source maps on, Node maps each frame of each trace:
 * a file URL per frame, a lookup of its map and, the first time, the parsing of cdktf's inline maps. On a team's app
 * against the installed package (bench/synth.mjs, 2 cores, Node 20) that was ~90 ms of a 0.95 s synth. Nothing reads
 * those traces when the synth succeeds.
 *
 * What a user still gets: an error thrown while the pattern builds is formatted when it is first read, after the
 * pattern's constructor has put source maps back on, so its frames keep their TypeScript lines (V8 formats a stack
 * lazily). Only the traces cdktf recorded in the tokens show compiled positions.
 */

/** What the pause needs of `process` (Node 20.7+ has both). */
interface SourceMapSwitch {
  readonly sourceMapsEnabled?: boolean;
  setSourceMapsEnabled?(enabled: boolean): void;
}

/**
 * Turns source-mapped stack traces off, if they are on; returns what puts them back as they were. Call the result in
 * a `finally`. Pausing inside a pause is fine: the inner one finds them off and leaves them so.
 */
export function pauseSourceMappedStacks(node: SourceMapSwitch = process as SourceMapSwitch): () => void {
  if (node.sourceMapsEnabled !== true || typeof node.setSourceMapsEnabled !== 'function') return () => undefined;
  node.setSourceMapsEnabled(false);
  return () => node.setSourceMapsEnabled!(true);
}
