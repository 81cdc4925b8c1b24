import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { functionImageLoaderSource, GeneratedEntry, isDefaultFunctionEntry } from '../bundling/bundle-function';
import {
  bundledImageContext,
  codeCacheDockerfileLines,
  FUNCTION_IMAGE_LOADER,
  ImageBuildContext,
  ImageBuildResources,
  pushImage,
  registryAuthTokenProblem,
} from './container-image';
import { FunctionCode, FunctionImage } from './function-code';
import { physicalName } from './private/naming';
import { REALM_DOMAINS, realmDomainOf, realmOfOcid, serviceHost } from './realm';
import { objectStorageNamespace } from './stack-inputs';

/**
 * The Fn Project Node.js runtime image for the Node version OCI Functions supports (22).
 * https://docs.oracle.com/iaas/Content/Functions/Tasks/languagessupportedbyfunctions.htm
 */
export const DEFAULT_FUNCTION_BASE_IMAGE = 'fnproject/node:22';

/**
 * Props of `BundledFunctionCode`: a TypeScript or JavaScript entry bundled with esbuild, built into an image on the
 * Fn Node.js base image and pushed to a private OCIR repository at deploy.
 */
export interface BundledFunctionCodeProps {
  /**
   * The TypeScript or JavaScript entry file, bundled with esbuild into one file; or a generated entry (the wrapper
   * `ClaimCheckServerlessConsumer` writes around a handler file).
   */
  readonly entry: string | GeneratedEntry;
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
  private resources?: ImageBuildResources;

  constructor(private readonly props: BundledFunctionCodeProps) {
    super();
  }

  /**
   * The OCIR repository, the docker build and push and the build context, once the function using this code has
   * bound it (undefined before): escape hatches, e.g. `code.build?.repository.addOverride('is_immutable', true)`.
   */
  public get build(): ImageBuildResources | undefined {
    return this.resources;
  }

  public validate(): string[] {
    const problems: string[] = [];
    if (!this.props.entry) problems.push('entry must name the function entry file');
    const realm = realmOfOcid(this.props.compartmentId);
    if (this.props.registryHost === undefined && realm !== undefined && REALM_DOMAINS[realm] === undefined) {
      problems.push(`registryHost must be given: the domain of realm "${realm}" (of compartmentId) is not known`);
    }
    const token = registryAuthTokenProblem(this.props.registryAuthToken);
    if (token) problems.push(token);
    return problems;
  }

  public bind(scope: Construct): FunctionImage {
    const context = this.buildContext(scope);

    const host = this.props.registryHost ?? serviceHost('ocir', this.props.region, realmDomainOf(scope, this.props.compartmentId));
    const namespace = this.props.registryNamespace ?? objectStorageNamespace(scope, this.props.compartmentId);
    const repositoryName = this.props.repositoryName ?? physicalName(scope, { maxLength: 255 }).toLowerCase();
    const pushed = pushImage(scope, {
      context,
      compartmentId: this.props.compartmentId,
      registryHost: host,
      registryNamespace: namespace,
      repositoryName,
      registryUsername: this.props.registryUsername,
      registryAuthToken: this.props.registryAuthToken,
      platform: this.props.platform ?? 'linux/amd64',
    });
    this.resources = pushed.build;
    return { imageUri: pushed.imageUri, imageDigest: pushed.imageDigest, build: pushed.build };
  }

  /**
   * Bundles the entry and writes Dockerfile + func.yaml + func.js into a content-addressed directory of the
   * project's build context cache (lib/oci/container-image.ts).
   */
  private buildContext(scope: Construct): ImageBuildContext {
    const baseImage = this.props.baseImage ?? DEFAULT_FUNCTION_BASE_IMAGE;
    const entry = this.props.entry;
    // Only the publisher shipped here is primed with an invocation (lambda-src/prime.ts): another entry's handler
    // could do anything with an event, so its image build only loads it.
    const prime = typeof entry === 'string' && isDefaultFunctionEntry(entry);
    return bundledImageContext(entry, (bundled) => ({
      'func.js': bundled,
      [FUNCTION_IMAGE_LOADER]: functionImageLoaderSource(),
      Dockerfile: dockerfile(baseImage, prime),
      'func.yaml': funcYaml(TerraformStack.of(scope).node.id),
    }));
  }
}

/**
 * Recipe from the Fn CLI's generated Dockerfile, reduced to one bundled file (no npm install in the image), started
 * through lambda-src/start.cjs with V8's code cache baked in (container-image.ts codeCacheDockerfileLines: cold starts
 * skip compiling the bundle).
 */
function dockerfile(baseImage: string, prime: boolean): string {
  return [
    `FROM ${baseImage}`,
    'WORKDIR /function',
    `COPY func.js ${FUNCTION_IMAGE_LOADER} /function/`,
    ...codeCacheDockerfileLines('/function', { prime }),
    // The function may run as a non-root user: keep the code and its cache readable, as the Fn CLI does.
    'RUN chmod -R o+rX /function',
    `ENTRYPOINT ["node", "${FUNCTION_IMAGE_LOADER}"]`,
    '',
  ].join('\n');
}

/** func.yaml (schema 20180708) so the same context also works with `fn build` / `fn deploy`. */
function funcYaml(name: string): string {
  const fnName = name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return ['schema_version: 20180708', `name: ${fnName}`, 'version: 0.0.1', 'runtime: docker', ''].join('\n');
}
