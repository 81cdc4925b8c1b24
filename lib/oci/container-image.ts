/**
 * Images built from a bundled entry at synth and deploy time, shared by every image the library builds (the
 * publisher function's, `BundledFunctionCode`; a consumer fleet's, `BundledContainerImage`; a serverless consumer's):
 *
 * 1. synth: the entry is bundled with esbuild into one file (lib/bundling), written with the image's other files
 *    (Dockerfile, ...) into a content-addressed build context (lib/bundling/build-context-cache.ts), which a
 *    `TerraformAsset` copies into the cdktf output;
 * 2. deploy: the docker provider builds it and pushes it to a private OCIR repository created here, tagged with
 *    the content hash, so a code change is a new tag (and a new digest) and whatever runs the image is updated.
 *
 * The registry credentials are Terraform variables (`ocir_username`, sensitive `ocir_auth_token`, one of each per
 * stack), never literals in the synthesized JSON.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Construct } from 'constructs';
import { AssetType, TerraformAsset, TerraformStack, TerraformVariable } from 'cdktf';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Image } from '@cdktf/provider-docker/lib/image';
import { RegistryImage } from '@cdktf/provider-docker/lib/registry-image';
import { ArtifactsContainerRepository } from '../generated/providers/oci/artifacts-container-repository';
import { writeBuildContext } from '../bundling/build-context-cache';
import { bundleFunctionContents, GeneratedEntry, IN_MEMORY_BUNDLE_FILE } from '../bundling/bundle-function';
import { FUNCTION_IMAGE_BUILD_VARIABLES } from '../contract';

/** A build context on disk, named by the content hash of its files. */
export interface ImageBuildContext {
  readonly dir: string;
  /** Hex SHA-256 over the files' names and contents. */
  readonly hash: string;
}

/** Build contexts by content, so many stacks in one process bundle and write the same entry once. */
const contextCache = new Map<string, ImageBuildContext>();

/** Forgets the build contexts written by this process (tests that remove the cache directory under it). */
export function clearImageContextCache(): void {
  contextCache.clear();
}

/**
 * Bundles `entry` into one file and writes it, with the files `filesFor(bundle)` returns, into the project's build
 * context cache. The same entry and files always give the same hash (pinned esbuild options, no paths or times).
 */
export function bundledImageContext(entry: string | GeneratedEntry, filesFor: (bundle: string) => Record<string, string>): ImageBuildContext {
  // In memory (esbuild writes nothing; a cached bundle is read from the bundle cache): `outFile` only names it.
  const bundled = bundleFunctionContents({ entry, outFile: IN_MEMORY_BUNDLE_FILE }).contents.toString('utf8');
  const files = filesFor(bundled);
  const hash = contentHash(files);
  const cached = contextCache.get(hash);
  if (cached && existsSync(cached.dir)) return cached;
  // A private, content-addressed cache under the project, never a predictable path in the shared temp dir.
  const result = { dir: writeBuildContext(files, hash), hash };
  contextCache.set(hash, result);
  return result;
}

/** lambda-src/start.cjs writes V8's code cache of func.js when a run with this set exits. */
export const WRITE_CODE_CACHE_ENV = 'CLAIMCHECK_WRITE_CODE_CACHE';
/** The function image's entry point: loads func.js with the code cache beside it (lambda-src/start.cjs). */
export const FUNCTION_IMAGE_LOADER = 'start.cjs';

/**
 * Dockerfile lines that bake V8's code cache of `<dir>/func.js` into the image (lambda-src/start.cjs says why Node's
 * own compile cache is not enough): one run of the bundle through start.cjs at build time, after which every cold start
 * reads the code of each function that run compiled instead of compiling it from source. With `prime` (the publisher
 * only: its priming invocation touches nothing outside the build container, lambda-src/prime.ts), the run answers one
 * event, so the first invocation's code is cached too; otherwise it loads the modules and exits (an entry that does
 * not know the warm-up variable is stopped by the FDK, which exits without FN_FORMAT, after loading). A failing or
 * hanging run fails nothing: the image then has no cache and starts as it would without one. A stale cache is never
 * run: start.cjs checks the SHA-256 of func.js the file carries, V8 its own version and flags.
 */
export function codeCacheDockerfileLines(dir: string, options: { prime: boolean }): string[] {
  const mode = `${options.prime ? FUNCTION_IMAGE_BUILD_VARIABLES.prime : FUNCTION_IMAGE_BUILD_VARIABLES.loadOnly}=1`;
  return [`RUN cd ${dir} && ${WRITE_CODE_CACHE_ENV}=1 ${mode} timeout 60 node ${FUNCTION_IMAGE_LOADER} >/dev/null 2>&1 || true`];
}

export interface PushImageOptions {
  readonly context: ImageBuildContext;
  /** OCID of the compartment for the OCIR repository. */
  readonly compartmentId: string;
  /** Registry host, e.g. `ocir.us-ashburn-1.oci.oraclecloud.com`. */
  readonly registryHost: string;
  /** Tenancy Object Storage namespace: the first path segment of OCIR images. */
  readonly registryNamespace: string;
  /** The private repository created for the image. */
  readonly repositoryName: string;
  /** @default - the stack's `ocir_username` variable */
  readonly registryUsername?: string;
  /** @default - the stack's sensitive `ocir_auth_token` variable */
  readonly registryAuthToken?: string;
  /** Image platform, e.g. `linux/amd64`. */
  readonly platform: string;
}

/**
 * The resources that build and push a bundled image, for escape hatches (`addOverride`, `dependsOn`, their
 * attributes): on `BundledFunctionCode.build` / `BundledContainerImage.build` once bound, and on what they bind to
 * (`OciFunction.image.build`, `ClaimCheckConsumerFleet.image.build`).
 */
export interface ImageBuildResources {
  /** The build context, copied into the cdktf output (construct `BuildContext`). */
  readonly buildContext: TerraformAsset;
  /** The private OCIR repository, `oci_artifacts_container_repository` (construct `Repository`). */
  readonly repository: ArtifactsContainerRepository;
  /** The docker provider that builds and pushes, with the registry credentials (construct `Docker`). */
  readonly dockerProvider: DockerProvider;
  /** The build, `docker_image` (construct `Image`). */
  readonly image: Image;
  /** The push, `docker_registry_image` (construct `RegistryImage`). */
  readonly registryImage: RegistryImage;
}

export interface PushedImage {
  /** `<host>/<namespace>/<repository>:<content hash>`, known once pushed. */
  readonly imageUri: string;
  /** `sha256:...` of the pushed image. */
  readonly imageDigest: string;
  readonly repository: ArtifactsContainerRepository;
  /** Every resource of the build and push. */
  readonly build: ImageBuildResources;
}

/**
 * Creates the private OCIR repository, builds the context into an image and pushes it (constructs `BuildContext`,
 * `Repository`, `Docker`, `Image`, `RegistryImage` under `scope`; these ids are public API).
 */
export function pushImage(scope: Construct, options: PushImageOptions): PushedImage {
  const { context } = options;
  const asset = new TerraformAsset(scope, 'BuildContext', { path: context.dir, type: AssetType.DIRECTORY });
  const repository = new ArtifactsContainerRepository(scope, 'Repository', {
    compartmentId: options.compartmentId,
    displayName: options.repositoryName,
    isPublic: false,
    isImmutable: false,
  });
  const docker = new DockerProvider(scope, 'Docker', {
    alias: `ocir_${context.hash.slice(0, 8)}_${createHash('sha256').update(scope.node.path).digest('hex').slice(0, 6)}`,
    registryAuth: [
      {
        address: options.registryHost,
        username: options.registryUsername ?? credentialVariable(scope, 'ocir_username', false),
        password: options.registryAuthToken ?? credentialVariable(scope, 'ocir_auth_token', true),
      },
    ],
  });
  const imageName = `${options.registryHost}/${options.registryNamespace}/${options.repositoryName}:${context.hash.slice(0, 16)}`;
  const image = new Image(scope, 'Image', {
    provider: docker,
    name: imageName,
    keepLocally: false,
    buildAttribute: { context: asset.path, platform: options.platform },
    triggers: { contentHash: context.hash },
  });
  const pushed = new RegistryImage(scope, 'RegistryImage', {
    provider: docker,
    name: image.name,
    keepRemotely: true,
    triggers: { contentHash: context.hash },
    dependsOn: [repository],
  });
  return {
    imageUri: pushed.name,
    imageDigest: pushed.sha256Digest,
    repository,
    build: { buildContext: asset, repository, dockerProvider: docker, image, registryImage: pushed },
  };
}

/** A literal token would land in cdk.tf.json: it must be a Terraform reference (`${...}`). */
export function registryAuthTokenProblem(token: string | undefined): string | null {
  if (token !== undefined && !token.includes('${')) {
    return 'registryAuthToken must come from a Terraform variable or secret reference, not a literal (it would be written to cdk.tf.json)';
  }
  return null;
}

export function contentHash(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(name).update('\0').update(files[name]).update('\0');
  return hash.digest('hex');
}

function credentialVariable(scope: Construct, name: string, sensitive: boolean): string {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(name);
  if (existing instanceof TerraformVariable) return existing.stringValue;
  return new TerraformVariable(stack, name, {
    type: 'string',
    sensitive,
    description: sensitive ? 'OCIR auth token for pushing the function image' : 'OCIR user, <namespace>/<username>',
  }).stringValue;
}
