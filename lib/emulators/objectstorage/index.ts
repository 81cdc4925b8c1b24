export * from './objectstorage-emulator';
export type { ObjectChangeEvent } from './objectstorage-routes';
export type { BucketConfig, StoredObject } from './bucket-store';
export type { ListObjectsResult, ObjectSummary } from './list-objects';
export { MAX_LIST_LIMIT } from './list-objects';
