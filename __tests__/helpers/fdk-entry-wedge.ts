/**
 * A test FDK entry: the real handler, except that the first call whose body contains `WEDGE_WHEN_BODY_CONTAINS`
 * never answers (a wedged call: the handler's promise never settles, the process stays up and keeps its socket).
 * "First" is remembered in the file `WEDGE_ONCE_FILE`, so a replacement process (after the runner killed the
 * wedged one) serves the same event normally. It logs `{"event":"test.wedged", pid, callId, deadline}` on
 * stdout when it wedges, so a test can wait for that moment instead of sleeping.
 *
 * Bundled with lib/bundling/bundle-function.ts like lambda-src/func.ts; configured through env vars (what the
 * runner passes as function config).
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as fdk from '@fnproject/fdk';
import { createHandler } from '../../lambda-src/handler';

const handler = createHandler();

fdk.handle(
  (input: unknown, ctx: fdk.FnContext) => {
    const mark = process.env.WEDGE_WHEN_BODY_CONTAINS;
    const onceFile = process.env.WEDGE_ONCE_FILE;
    if (mark && onceFile && typeof input === 'string' && input.includes(mark) && !existsSync(onceFile)) {
      writeFileSync(onceFile, `${process.pid}\n`);
      process.stdout.write(
        `${JSON.stringify({ event: 'test.wedged', pid: process.pid, callId: ctx.callID, deadline: ctx.deadline?.toISOString() ?? null })}\n`,
      );
      return new Promise<never>(() => undefined);
    }
    return handler(input, ctx);
  },
  { inputMode: 'string' },
);
