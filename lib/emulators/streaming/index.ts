export * from './streaming-emulator';
export type { StreamConfig } from './emulated-stream';
export type { PutMessagesResult, PutResultEntry } from './put-messages';
export type { GroupDescription } from './consumer-group';
export type { WireMessage } from './consumer-operations';
export * from './limits';
