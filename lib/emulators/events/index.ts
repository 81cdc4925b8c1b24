export * from './condition-matcher';
export * from './object-event';
export * from './events-emulator';
