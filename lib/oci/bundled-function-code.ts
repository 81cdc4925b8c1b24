import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Construct } from 'constructs';
import { AssetType, TerraformAsset, TerraformStack, TerraformVariable } from 'cdktf';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Image } from '@cdktf/provider-docker/lib/image';
import { RegistryImage } from '@cdktf/provider-docker/lib/registry-image';
import { ArtifactsContainerRepository } from '../generated/providers/oci/artifacts-container-repository';
import { writeBuildContext } from '../bundling/build-context-cache';
import { bundleFunction } from '../bundling/bundle-function';
import { FunctionCode, FunctionImage } from './function-code';
import { physicalName } from './private/naming';
import { REALM_DOMAINS, realmDomainOf, realmOfOcid, serviceHost } from './realm';
import { objectStorageNamespace } from './stack-inputs';

/**
 * The Fn Project Node.js runtime image for the Node version OCI Functions supports (22).
 * https://docs.oracle.com/iaas/Content/Functions/Tasks/languagessupportedbyfunctions.htm
 */
export const DEFAULT_FUNCTION_BASE_IMAGE = 'fnproject/node:22';

export interface BundledFunctionCodeProps {
  /** The TypeScript or JavaScript entry file, bundled with esbuild into one file. */
  readonly entry: string;
  /** OCID of the compartment for the OCIR repository. */
  readonly compartmentId: string;
  /** Region identifier, e.g. `us-ashburn-1`: the image must live in the function's region. */
  readonly region: string;
  /**
   * OCIR repository name (created here, private).
   * @default - derived from the construct path
   */
  readonly repositoryName?: string;
  /**
   * Registry host.
   * @default `ocir.<region>.oci.<realm domain>`, the realm read from `compartmentId` (`REALM_DOMAINS`): the registry
   * domain Oracle recommends (https://docs.oracle.com/iaas/Content/Registry/Concepts/registryconcepts.htm)
   */
  readonly registryHost?: string;
  /**
   * Tenancy Object Storage namespace, the first path segment of OCIR images.
   * @default - read with the `oci_objectstorage_namespace` data source
   */
  readonly registryNamespace?: string;
  /**
   * Registry user, `<namespace>/<username>` (or `<namespace>/<domain>/<username>`).
   * @default - the stack's `ocir_username` Terraform variable (set TF_VAR_ocir_username at deploy)
   */
  readonly registryUsername?: string;
  /**
   * An auth token of that user. Never put a literal token in code: it would land in the synthesized JSON.
   * @default - the stack's sensitive `ocir_auth_token` Terraform variable (set TF_VAR_ocir_auth_token at deploy)
   */
  readonly registryAuthToken?: string;
  /**
   * Base image of the function image.
   * @default 'fnproject/node:22'
   */
  readonly baseImage?: string;
  /**
   * Image platform; must match the application shape (GENERIC_X86 = linux/amd64, GENERIC_ARM = linux/arm64).
   * @default 'linux/amd64'
   */
  readonly platform?: string;
}

/**
 * Function code built at synth and deploy time: the entry is bundled with esbuild into one file, written with a
 * Dockerfile and func.yaml into a build context (a `TerraformAsset`), then built and pushed to a private OCIR
 * repository by the docker provider. The image tag is the content hash, so a code change is a new image and the
 * function is updated; the function pins the pushed digest.
 */
export class BundledFunctionCode extends FunctionCode {
  /** Bundled build contexts by content, so many stacks in one process bundle the same entry once. */
  private static readonly contextCache = new Map<string, { dir: string; hash: string }>();

  constructor(private readonly props: BundledFunctionCodeProps) {
    super();
  }

  public validate(): string[] {
    const problems: string[] = [];
    if (!this.props.entry) problems.push('entry must name the function entry file');
    const realm = realmOfOcid(this.props.compartmentId);
    if (this.props.registryHost === undefined && realm !== undefined && REALM_DOMAINS[realm] === undefined) {
      problems.push(`registryHost must be given: the domain of realm "${realm}" (of compartmentId) is not known`);
    }
    if (this.props.registryAuthToken !== undefined && !this.props.registryAuthToken.includes('${')) {
      problems.push('registryAuthToken must come from a Terraform variable or secret reference, not a literal (it would be written to cdk.tf.json)');
    }
    return problems;
  }

  public bind(scope: Construct): FunctionImage {
    const context = this.buildContext(scope);
    const asset = new TerraformAsset(scope, 'BuildContext', { path: context.dir, type: AssetType.DIRECTORY });

    const host = this.props.registryHost ?? serviceHost('ocir', this.props.region, realmDomainOf(scope, this.props.compartmentId));
    const namespace = this.props.registryNamespace ?? objectStorageNamespace(scope, this.props.compartmentId);
    const repositoryName = this.props.repositoryName ?? physicalName(scope, { maxLength: 255 }).toLowerCase();
    const repository = new ArtifactsContainerRepository(scope, 'Repository', {
      compartmentId: this.props.compartmentId,
      displayName: repositoryName,
      isPublic: false,
      isImmutable: false,
    });

    const docker = new DockerProvider(scope, 'Docker', {
      alias: `ocir_${context.hash.slice(0, 8)}_${createHash('sha256').update(scope.node.path).digest('hex').slice(0, 6)}`,
      registryAuth: [
        {
          address: host,
          username: this.props.registryUsername ?? credentialVariable(scope, 'ocir_username', false),
          password: this.props.registryAuthToken ?? credentialVariable(scope, 'ocir_auth_token', true),
        },
      ],
    });
    const imageName = `${host}/${namespace}/${repositoryName}:${context.hash.slice(0, 16)}`;
    const image = new Image(scope, 'Image', {
      provider: docker,
      name: imageName,
      keepLocally: false,
      buildAttribute: { context: asset.path, platform: this.props.platform ?? 'linux/amd64' },
      triggers: { contentHash: context.hash },
    });
    const pushed = new RegistryImage(scope, 'RegistryImage', {
      provider: docker,
      name: image.name,
      keepRemotely: true,
      triggers: { contentHash: context.hash },
      dependsOn: [repository],
    });
    return { imageUri: pushed.name, imageDigest: pushed.sha256Digest };
  }

  /**
   * Bundles the entry and writes Dockerfile + func.yaml + func.js into a content-addressed directory of the
   * project's build context cache (lib/bundling/build-context-cache.ts).
   */
  private buildContext(scope: Construct): { dir: string; hash: string } {
    const baseImage = this.props.baseImage ?? DEFAULT_FUNCTION_BASE_IMAGE;
    const staging = mkdtempSync(join(tmpdir(), 'claimcheck-fn-'));
    let bundled: string;
    try {
      bundled = readFileSync(bundleFunction({ entry: this.props.entry, outFile: join(staging, 'func.js') }).outFile, 'utf8');
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    const files: Record<string, string> = {
      'func.js': bundled,
      Dockerfile: dockerfile(baseImage),
      'func.yaml': funcYaml(TerraformStack.of(scope).node.id),
    };
    const hash = contentHash(files);
    const cached = BundledFunctionCode.contextCache.get(hash);
    if (cached && existsSync(cached.dir)) return cached;
    // A private, content-addressed cache under the project, never a predictable path in the shared temp dir.
    const result = { dir: writeBuildContext(files, hash), hash };
    BundledFunctionCode.contextCache.set(hash, result);
    return result;
  }
}

/** Recipe from the Fn CLI's generated Dockerfile, reduced to one bundled file (no npm install in the image). */
function dockerfile(baseImage: string): string {
  return [
    `FROM ${baseImage}`,
    'WORKDIR /function',
    'COPY func.js /function/func.js',
    // The function may run as a non-root user: keep the code world-readable, as the Fn CLI does.
    'RUN chmod -R o+r /function',
    'ENTRYPOINT ["node", "func.js"]',
    '',
  ].join('\n');
}

/** func.yaml (schema 20180708) so the same context also works with `fn build` / `fn deploy`. */
function funcYaml(name: string): string {
  const fnName = name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return ['schema_version: 20180708', `name: ${fnName}`, 'version: 0.0.1', 'runtime: docker', ''].join('\n');
}

function contentHash(files: Record<string, string>): string {
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
