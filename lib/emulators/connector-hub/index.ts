export { ConnectorHubEmulator, CONNECTOR_MAX_PAYLOAD_BYTES } from './connector-hub-emulator';
export type { ConnectorHubEmulatorOptions, ConnectorHubStats, ConnectorHubStreamItem, TargetResponse } from './connector-hub-emulator';
