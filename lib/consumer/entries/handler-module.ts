/**
 * Finds the claim handler in the user's module (what the generated entry imports): the export named `handler`,
 * else the default export, else the only export. It must be a function with the consumer's handler signature,
 * `(claim, object, context) => Promise<void>` (lib/consumer/README.md, "The handler").
 */
import type { ClaimHandler } from '../types';

/** The module namespace object of the handler file (CommonJS interop may nest the default export once). */
export type HandlerModule = Record<string, unknown>;

export function resolveHandler(module: HandlerModule): ClaimHandler {
  const names = Object.keys(module).filter((name) => name !== '__esModule');
  const pick = (): [string, unknown] | undefined => {
    if ('handler' in module) return ['handler', module.handler];
    if ('default' in module) {
      const value = module.default;
      // `export default` compiled to CommonJS and imported again: { default: { default: fn } }.
      if (value && typeof value === 'object' && typeof (value as HandlerModule).default === 'function') return ['default', (value as HandlerModule).default];
      return ['default', value];
    }
    if (names.length === 1) return [names[0], module[names[0]]];
    return undefined;
  };
  const picked = pick();
  if (!picked) {
    throw new Error(
      names.length === 0
        ? 'The handler module exports nothing: export the claim handler as `handler`, as the default export, or as its only export'
        : `The handler module exports ${names.join(', ')}: name the claim handler \`handler\` (or make it the default or the only export)`,
    );
  }
  const [name, value] = picked;
  if (typeof value !== 'function') throw new Error(`The handler module's \`${name}\` export is a ${value === null ? 'null' : typeof value}, not a function`);
  return value as ClaimHandler;
}
