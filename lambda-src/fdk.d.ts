/**
 * Type declarations for the parts of `@fnproject/fdk` (0.0.76, plain JS, no bundled types) that this function uses.
 * Source of truth: node_modules/@fnproject/fdk/fn-fdk.js. Deliberately omits `getConfig`, which is broken
 * (it calls `process.env.get`); read `config[key]` instead.
 */
declare module '@fnproject/fdk' {
  export interface FnHttpGatewayContext {
    /** `Fn-Http-Request-Url`; null for plain invokes (no HTTP trigger). */
    readonly requestURL: string | null;
    /** `Fn-Http-Method`; null for plain invokes. */
    readonly method: string | null;
    /** Sets `Fn-Http-Status`, which only the HTTP-trigger path of the Fn server honours. */
    statusCode: number;
  }

  export interface FnContext {
    /** A copy of the whole `process.env` (Fn delivers app/function config as env vars). */
    readonly config: Record<string, string | undefined>;
    /** Parsed `Fn-Deadline` header, or null when absent. Invalid values give an Invalid Date. */
    readonly deadline: Date | null;
    /** `Fn-Call-Id`. */
    readonly callID: string | null;
    readonly headers: Record<string, string[]>;
    getHeader(key: string): string | null;
    setResponseHeader(key: string, ...values: string[]): void;
    responseContentType: string | null;
    readonly httpGateway: FnHttpGatewayContext;
  }

  export type FnHandler<I> = (input: I, ctx: FnContext) => unknown;

  export function handle(fn: FnHandler<string>, options: { inputMode: 'string' }): () => void;
  export function handle(fn: FnHandler<Buffer>, options: { inputMode: 'buffer' }): () => void;
  export function handle(fn: FnHandler<unknown>, options?: { inputMode?: 'json' }): () => void;
}
