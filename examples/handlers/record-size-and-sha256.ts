/**
 * An example claim handler for `ClaimCheckConsumerFleet` / `ClaimCheckServerlessConsumer` (and
 * `claimcheck demo --consumer-entry examples/handlers/record-size-and-sha256.ts`): for every file that lands in the
 * bucket, it streams the object once, counts its bytes and computes its SHA-256, and records both as a small JSON
 * object in the consumer state bucket:
 *
 *   records/<consumer group>/<sha256 of the object's name>.json
 *     {"object": "<name>", "etag": "...", "size": 1234, "sha256": "...", "recordedAt": "..."}
 *
 * Idempotent, as a handler must be (delivery is at-least-once): the record is named after the object, so a second
 * delivery of the same claim rewrites the same record with the same content. A record is written only for the
 * newest state of an object the consumer saw, and a delete claim removes nothing (the records are a log of what
 * was processed, not a mirror of the bucket).
 *
 * In your project, import from the package: `cdktf-oci-claim-check/consumer` (types) and
 * `cdktf-oci-claim-check/consumer-entry` (consumerEnvironment).
 */
import { createHash } from 'node:crypto';
import type { ClaimHandler } from '../../lib/consumer';
import { consumerEnvironment } from '../../lib/consumer/entries';

export const handler: ClaimHandler = async (claim, object, context) => {
  if (!object) return; // a deleteobject claim: the object is gone, nothing to measure
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of object.body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  const record = {
    object: object.name,
    etag: object.etag,
    size,
    sha256: hash.digest('hex'),
    claimId: claim.id,
    recordedAt: new Date().toISOString(),
  };
  context.signal.throwIfAborted(); // the attempt timed out or the consumer is stopping: do not write late
  const { objectStorage, stateBucket, group } = consumerEnvironment();
  const nameHash = createHash('sha256').update(object.name).digest('hex');
  const body = JSON.stringify(record);
  await (await objectStorage()).putObject({
    namespaceName: stateBucket.namespace,
    bucketName: stateBucket.bucket,
    objectName: `records/${group}/${nameHash}.json`,
    putObjectBody: body,
    contentLength: Buffer.byteLength(body),
    contentType: 'application/json',
  });
};
