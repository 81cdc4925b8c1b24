/**
 * `cdktf-oci-claim-check/reconciler`: finds the objects of a bucket that the event path never claimed (a lost event,
 * a rule or policy gap, objects older than the pipeline) and publishes their claim checks, so consumers process
 * every file. See lib/reconciler/README.md.
 */
export { ClaimCheckReconciler, DEFAULT_PUBLISH_REQUEST_BYTES, DEFAULT_RETENTION_HOURS, DEFAULT_STATE_PREFIX, HORIZON_MARGIN_MS, MAX_LIST_PAGE_SIZE, positionObjectName } from './reconciler';
export type { ClaimCheckReconcilerOptions, ReconcileProgress, ReconcileResult } from './reconciler';
export { ClaimIndex, objectStateHash } from './claim-index';
export type { StateHash } from './claim-index';
export { BucketPositionStore, FilePositionStore, PositionConflictError, POSITION_FORMAT } from './position-store';
export type { PositionRecord, PositionStore, RunIdentity } from './position-store';
export { PublishFailedError } from './claim-publisher';
export type { ListedObject, ReconcilerAuthOptions, ReconcilerObjectStorageApi, ReconcilerStreamApi } from './clients';
export type { ReconcilerClock, ReconcilerLogger, ReconcilerLogLevel } from './toolkit';
