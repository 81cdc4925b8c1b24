/**
 * The function bundle's content hash in a synthesized stack, kept apart from the stack's shape: the hash changes with
 * every SDK, esbuild or function change, the shape should not. `bundleHashes` reads the hash from where the stack
 * uses it and checks that every use agrees (format, tag, provider alias, asset directory); `withBundleHashPlaceholders`
 * is the stack with each use replaced by a placeholder, for snapshots.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BundleHashes {
  /** docker_image triggers.contentHash: SHA-256 (hex) of the build context's files. */
  readonly contentHash: string;
  /** The directory name cdktf gives the build context asset (its own MD5 of the files, upper-case hex). */
  readonly assetHash: string;
}

export const CONTENT_HASH_PLACEHOLDER = '<bundle-content-hash>';
export const ASSET_HASH_PLACEHOLDER = '<bundle-asset-hash>';

/**
 * The hashes of every bundled function image in `json`, after checking that each image uses its content hash
 * consistently: 64 hex digits, the image tag is its first 16, both triggers (image and push) carry it, the docker
 * provider alias starts with its first 8, and the build context is an asset named by a 32-digit hash.
 */
export function bundleHashes(json: any): BundleHashes[] {
  const images = Object.values<any>(json.resource?.docker_image ?? {});
  const pushes = Object.values<any>(json.resource?.docker_registry_image ?? {});
  const aliases = new Set((json.provider?.docker ?? []).map((p: any) => p.alias));
  return images.map((image) => {
    const contentHash: string = image.triggers?.contentHash;
    const problems: string[] = [];
    if (!/^[0-9a-f]{64}$/.test(contentHash ?? '')) problems.push(`triggers.contentHash ${JSON.stringify(contentHash)} is not 64 hex digits`);
    const short = String(contentHash).slice(0, 16);
    if (!String(image.name).endsWith(`:${short}`)) problems.push(`image ${image.name} is not tagged with the hash's first 16 digits (${short})`);
    const push = pushes.find((p) => p.name === `\${docker_image.${logicalIdOf(json, image)}.name}`);
    if (push?.triggers?.contentHash !== contentHash) problems.push(`the push's triggers.contentHash ${push?.triggers?.contentHash} differs`);
    const alias = String(image.provider).replace(/^docker\./, '');
    if (!aliases.has(alias) || !alias.startsWith(`ocir_${String(contentHash).slice(0, 8)}_`)) problems.push(`provider alias ${alias} does not start with the hash`);
    const asset = /^assets\/[\w-]+\/([0-9A-F]{32})$/.exec(image.build?.context ?? '');
    if (!asset) problems.push(`build.context ${image.build?.context} is not an asset directory named by its hash`);
    if (problems.length > 0) throw new Error(`The bundled function image ${image.name} does not use its content hash consistently:\n${problems.join('\n')}`);
    return { contentHash, assetHash: asset![1] };
  });
}

/** `json` with every use of the bundle's hashes replaced by placeholders (for a snapshot of the shape only). */
export function withBundleHashPlaceholders(json: any): any {
  let text = JSON.stringify(json);
  for (const { contentHash, assetHash } of bundleHashes(json)) {
    text = text
      .split(contentHash)
      .join(CONTENT_HASH_PLACEHOLDER)
      .split(`:${contentHash.slice(0, 16)}"`)
      .join(`:${CONTENT_HASH_PLACEHOLDER.replace('>', ':16>')}"`)
      .split(`ocir_${contentHash.slice(0, 8)}_`)
      .join(`ocir_${CONTENT_HASH_PLACEHOLDER.replace('>', ':8>')}_`)
      .split(`/${assetHash}"`)
      .join(`/${ASSET_HASH_PLACEHOLDER}"`);
  }
  return JSON.parse(text);
}

/**
 * The content hash of a build context directory as the construct defines it: SHA-256 over each file, in name
 * order, of `name NUL content NUL`. An independent recomputation, to compare with the synthesized one.
 */
export function contentHashOfDirectory(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  return hash.digest('hex');
}

function logicalIdOf(json: any, resource: unknown): string {
  const entry = Object.entries<any>(json.resource.docker_image).find(([, value]) => value === resource);
  return entry![0];
}
