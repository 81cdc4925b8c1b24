import { newObjectStorageClient } from '../runtime/oci-sdk-clients';
import type { LocalCircuit } from './circuit';
import type { DemoFile, DemoFileList } from './demo-files';

/**
 * Uploads files to the circuit's landing bucket through the real Object Storage SDK (signed requests), each with
 * its SHA-256 as `opc-meta-sha256` so consumers can verify what they fetched. `files` may be a `DemoFileList`, whose
 * files are made (or read) one at a time as they are uploaded, so no more than `concurrency` contents are in memory.
 * Calls `onUploading` before each PutObject and `onUploaded` after it is acknowledged, and returns the names in
 * upload order.
 */
export async function uploadFiles(
  circuit: LocalCircuit,
  files: readonly DemoFile[] | DemoFileList,
  options: { concurrency?: number; bucket?: string; onUploading?: (file: DemoFile) => void; onUploaded?: (file: DemoFile) => void } = {},
): Promise<string[]> {
  // The shared client: object names with `'` or any other character OCI accepts sign correctly.
  const client = newObjectStorageClient(circuit.authProvider(), { endpoint: circuit.objectStorage.endpoint });
  const at = isFileList(files) ? (index: number) => files.file(index) : (index: number) => files[index];
  const uploaded: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = at(next++);
      options.onUploading?.(file);
      await client.putObject({
        namespaceName: circuit.namespace,
        bucketName: options.bucket ?? circuit.bucketName,
        objectName: file.name,
        putObjectBody: file.content,
        contentLength: file.content.length,
        opcMeta: { sha256: file.sha256 },
      });
      uploaded.push(file.name);
      options.onUploaded?.(file);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  } finally {
    client.close();
  }
  return uploaded;
}

function isFileList(files: readonly DemoFile[] | DemoFileList): files is DemoFileList {
  return typeof (files as DemoFileList).file === 'function';
}
