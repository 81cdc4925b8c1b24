/**
 * `<data dir>/circuit.json`: what a client needs to reach a running local circuit (`claimcheck local`, the demo,
 * the tests), written by the circuit each time its services start. `claimcheck reconcile --data DIR` reads it.
 * Credentials are not in it: the OCI config file it names holds the throwaway API key (`DIR/identity/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../emulators/common/state-dir';
import type { LocalCircuit } from './circuit';

export const CIRCUIT_DESCRIPTOR_FILE = 'circuit.json';
const FORMAT = 'claimcheck-local-circuit/v1';

export interface LocalCircuitDescriptor {
  readonly format: typeof FORMAT;
  readonly objectStorageEndpoint: string;
  readonly messagesEndpoint: string;
  readonly namespace: string;
  /** The bucket with object events (the pipeline's landing bucket). */
  readonly bucket: string;
  /** The consumers' state bucket (dead letters, progress records). */
  readonly stateBucket: string;
  readonly streamId: string;
  readonly partitions: number;
  readonly retentionInHours: number;
  readonly region: string;
  /** An OCI config file (profile DEFAULT) with the circuit's API key. */
  readonly ociConfigFile: string;
}

export function writeCircuitDescriptor(dataDir: string, circuit: LocalCircuit): void {
  const descriptor: LocalCircuitDescriptor = {
    format: FORMAT,
    objectStorageEndpoint: circuit.objectStorage.endpoint,
    messagesEndpoint: circuit.streaming.endpoint,
    namespace: circuit.namespace,
    bucket: circuit.bucketName,
    stateBucket: circuit.stateBucketName,
    streamId: circuit.streamId,
    partitions: circuit.topology.partitions,
    retentionInHours: circuit.topology.retentionInHours,
    region: circuit.region,
    ociConfigFile: circuit.credentials.ociConfigFile,
  };
  writeFileAtomic(join(dataDir, CIRCUIT_DESCRIPTOR_FILE), `${JSON.stringify(descriptor, null, 2)}\n`);
}

/** The descriptor of the circuit kept in `dataDir`; throws naming what is wrong. */
export function readCircuitDescriptor(dataDir: string): LocalCircuitDescriptor {
  const file = join(dataDir, CIRCUIT_DESCRIPTOR_FILE);
  let parsed: Partial<LocalCircuitDescriptor>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`No local circuit in ${dataDir} (${file}: ${(e as Error).message}); start one with \`claimcheck local --data ${dataDir}\``);
  }
  if (parsed.format !== FORMAT) throw new Error(`${file} is not a ${FORMAT} file`);
  return parsed as LocalCircuitDescriptor;
}
