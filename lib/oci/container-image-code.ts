import { Construct } from 'constructs';
import type { GeneratedEntry } from '../bundling/bundle-function';
import { DEFAULT_FUNCTION_BASE_IMAGE } from './bundled-function-code';
import { bundledImageContext, ImageBuildResources, pushImage, registryAuthTokenProblem } from './container-image';
import { physicalName } from './private/naming';
import { realmDomainOf, serviceHost } from './realm';
import { objectStorageNamespace } from './stack-inputs';

/** The image a container runs. */
export interface ContainerImage {
  /** Fully qualified image reference, e.g. `ocir.us-ashburn-1.oci.oraclecloud.com/mytenancy/consumers:1a2b3c`. */
  readonly imageUri: string;
  /**
   * The private OCIR repository the image is pulled from, for the pull policy of whatever runs it
   * (`read repos ... where target.repo.name = '<name>'`).
   * @default - unknown: no pull policy can be written for it
   */
  readonly repository?: { readonly name: string; readonly compartmentId: string };
  /**
   * The resources that build and push the image, when the code builds it (`BundledContainerImage`): escape hatches.
   * @default - none: the image exists already (`ContainerImageCode.fromImageUri`)
   */
  readonly build?: ImageBuildResources;
}

/**
 * Where a container's image comes from: one that already exists (`ContainerImageCode.fromImageUri`), or an entry
 * bundled with esbuild and built into an image at deploy (`new BundledContainerImage({...})`).
 */
export abstract class ContainerImageCode {
  /**
   * An image already pushed to a registry the container can reach. With `repository`, the runner's pull
   * policy covers that OCIR repository; without it, pulling is up to you (a public image, or your own policy).
   */
  public static fromImageUri(imageUri: string, repository?: ContainerImage['repository']): ContainerImageCode {
    return new ExistingContainerImage({ imageUri, repository });
  }

  /** Called once by the construct that runs the image; returns the image. */
  public abstract bind(scope: Construct): ContainerImage;

  /** Problems with the settings, each naming the field; empty when valid. */
  public abstract validate(): string[];
}

/** Base image of bundled container images: the Node.js 22 image the publisher function is built on too. */
export const DEFAULT_CONTAINER_BASE_IMAGE = DEFAULT_FUNCTION_BASE_IMAGE;

/** The user the container's process runs as: not root. */
export const CONTAINER_USER = { uid: 1000, gid: 1000 } as const;

/**
 * Props of `BundledContainerImage`: an entry bundled with esbuild into one `main.js`, built into an image that runs
 * it as a non-root user, and pushed to a private OCIR repository, tagged with the content hash.
 */
export interface BundledContainerImageProps {
  /** The TypeScript or JavaScript entry, bundled with esbuild into one file (`main.js`), or a generated entry. */
  readonly entry: string | GeneratedEntry;
  /** OCID of the compartment for the OCIR repository. */
  readonly compartmentId: string;
  /** Region identifier, e.g. `us-ashburn-1`: the registry of the region the containers run in. */
  readonly region: string;
  /**
   * OCIR repository name (created here, private).
   * @default - derived from the construct path
   */
  readonly repositoryName?: string;
  /**
   * Registry host.
   * @default `ocir.<region>.oci.<realm domain>` (the registry domain Oracle recommends:
   * https://docs.oracle.com/iaas/Content/Registry/Concepts/registryconcepts.htm)
   */
  readonly registryHost?: string;
  /**
   * Tenancy Object Storage namespace, the first path segment of OCIR images.
   * @default - read with the `oci_objectstorage_namespace` data source
   */
  readonly registryNamespace?: string;
  /** @default - the stack's `ocir_username` Terraform variable */
  readonly registryUsername?: string;
  /** A Terraform reference, never a literal. @default - the stack's sensitive `ocir_auth_token` variable */
  readonly registryAuthToken?: string;
  /**
   * Base image (must have `node` 20 or later on the PATH and a shell for `RUN`).
   * @default 'fnproject/node:22'
   */
  readonly baseImage?: string;
  /**
   * Image platform; must match the shape's processor (E3/E4 flex shapes: linux/amd64; Ampere A1: linux/arm64).
   * @default 'linux/amd64'
   */
  readonly platform?: string;
}

/**
 * A container image built at synth and deploy time the way the publisher function's is (lib/oci/container-image.ts):
 * the entry bundled into `main.js`, a Dockerfile that runs it as a non-root user, the content hash as the tag.
 */
export class BundledContainerImage extends ContainerImageCode {
  private resources?: ImageBuildResources;

  constructor(private readonly props: BundledContainerImageProps) {
    super();
  }

  /**
   * The OCIR repository, the docker build and push and the build context, once whatever runs the image has bound it
   * (undefined before): escape hatches, e.g. `image.build?.registryImage.addOverride('keep_remotely', false)`.
   */
  public get build(): ImageBuildResources | undefined {
    return this.resources;
  }

  public validate(): string[] {
    const problems: string[] = [];
    if (!this.props.entry) problems.push('entry must name the entry file');
    const token = registryAuthTokenProblem(this.props.registryAuthToken);
    if (token) problems.push(token);
    return problems;
  }

  public bind(scope: Construct): ContainerImage {
    const baseImage = this.props.baseImage ?? DEFAULT_CONTAINER_BASE_IMAGE;
    const context = bundledImageContext(this.props.entry, (bundled) => ({ 'main.js': bundled, Dockerfile: dockerfile(baseImage) }));
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
    return { imageUri: pushed.imageUri, repository: { name: repositoryName, compartmentId: this.props.compartmentId }, build: pushed.build };
  }
}

/** One bundled file, readable by the non-root user it runs as; no npm install, no package manager at run time. */
function dockerfile(baseImage: string): string {
  return [
    `FROM ${baseImage}`,
    'WORKDIR /app',
    'COPY main.js /app/main.js',
    'RUN chmod -R o+r /app',
    `USER ${CONTAINER_USER.uid}:${CONTAINER_USER.gid}`,
    'ENTRYPOINT ["node", "main.js"]',
    '',
  ].join('\n');
}

/** OCIR image references (also other registries' `host/path:tag`). */
const IMAGE_URI_PATTERN = /^[a-z0-9.-]+(:\d+)?\/[a-z0-9._\/-]+(:[A-Za-z0-9._-]{1,128})?(@sha256:[a-f0-9]{64})?$/;

class ExistingContainerImage extends ContainerImageCode {
  constructor(private readonly image: ContainerImage) {
    super();
  }

  public bind(): ContainerImage {
    return this.image;
  }

  public validate(): string[] {
    return IMAGE_URI_PATTERN.test(this.image.imageUri) ? [] : [`imageUri "${this.image.imageUri}" must look like <registry host>/<path>[:<tag>][@sha256:<digest>]`];
  }
}
