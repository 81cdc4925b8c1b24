/** Scheduling inside a batch: per-object stream order, parallelism across objects up to `concurrency`. */
import { BUCKET, drain, NS, publish, readAll, start } from './harness';
import { claimMessage, makeClaim, waitFor } from './helpers';

describe('batch scheduling', () => {
  it('runs claims for the same object in stream order, even when the first one is the slowest of the batch', async () => {
    const order: string[] = [];
    const finishedOthers = () => order.filter((o) => !o.startsWith('obj-0:')).length === 9;
    const h = start(async (claim, o) => {
      const label = `${claim.data.object}:${claim.data.eventType.split('.').pop()}`;
      // The create of obj-0 waits until every other object is done: a scheduler that did not keep obj-0's claims
      // in order would run its delete meanwhile.
      if (label === 'obj-0:createobject') await waitFor(finishedOthers, 5_000, 'the other objects');
      if (o) await readAll(o.body);
      order.push(label);
      // The delete the next claim announces happens now (in the fake bucket), after the create was handled.
      if (label === 'obj-0:createobject') h.os.objects.delete(`${NS}/${BUCKET}/obj-0`);
    }, { concurrency: 3, batchLimit: 100 }, (s, os) => {
      for (let i = 0; i < 10; i++) publish(s, os, `obj-${i}`);
      // The delete claim of obj-0 is later in the same batch.
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'obj-0', action: 'deleteobject', eventId: 'd0' }), 0));
    });
    await drain(h, 11);
    expect(order.slice(-2)).toEqual(['obj-0:createobject', 'obj-0:deleteobject']);
  });

  it('runs different objects in parallel, never more than concurrency at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const h = start(async (_c, o) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await waitFor(() => inFlight >= 3 || h.consumer.stats.processed >= 8, 5_000, 'three claims in flight');
      await readAll(o!.body);
      inFlight--;
    }, { concurrency: 3, batchLimit: 100 }, (s, os) => {
      for (let i = 0; i < 10; i++) publish(s, os, `obj-${i}`);
    });
    await drain(h, 10);
    expect(peak).toBe(3);
  });
});
