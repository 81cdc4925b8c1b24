import { Construct } from 'constructs';
import type { ImageBuildResources } from './container-image';

/** The image a function runs. */
export interface FunctionImage {
  /** Fully qualified OCIR image reference, e.g. `iad.ocir.io/mytenancy/claimcheck/publisher:1a2b3c`. */
  readonly imageUri: string;
  /**
   * `sha256:...` digest pinning the pulled image.
   * @default - the digest currently on the tag
   */
  readonly imageDigest?: string;
  /**
   * The resources that build and push the image, when the code builds it (`BundledFunctionCode`): escape hatches.
   * @default - none: the image exists already (`FunctionCode.fromImageUri`)
   */
  readonly build?: ImageBuildResources;
}

/**
 * Where a function's code comes from: an image that already exists (`FunctionCode.fromImageUri`), or a TypeScript
 * entry bundled with esbuild and built into an image at deploy (`new BundledFunctionCode({...})`, in
 * `bundled-function-code.ts`).
 */
export abstract class FunctionCode {
  /** An image already pushed to OCIR (same region as the function). Nothing is built. */
  public static fromImageUri(imageUri: string, imageDigest?: string): FunctionCode {
    return new ExistingImageCode({ imageUri, imageDigest });
  }

  /** Called once by the function; returns the image to run. */
  public abstract bind(scope: Construct): FunctionImage;

  /** Problems with the code's settings, each naming the field; empty when valid. */
  public abstract validate(): string[];
}

/**
 * OCIR references: `<region-key>.ocir.io/<namespace>/<repo>:<tag>` (also the `ocir.<region>.oci.oraclecloud.com` host).
 * https://docs.oracle.com/iaas/Content/Registry/Concepts/registrypushingimagesusingthedockercli.htm
 */
const IMAGE_URI_PATTERN = /^[a-z0-9.-]+\/[a-z0-9_-]+\/[a-z0-9._\/-]+(:[A-Za-z0-9._-]{1,128})?$/;
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

class ExistingImageCode extends FunctionCode {
  constructor(private readonly image: FunctionImage) {
    super();
  }

  public bind(): FunctionImage {
    return this.image;
  }

  public validate(): string[] {
    const problems: string[] = [];
    if (!IMAGE_URI_PATTERN.test(this.image.imageUri)) {
      problems.push(`imageUri "${this.image.imageUri}" must look like <region-key>.ocir.io/<namespace>/<repository>:<tag>`);
    }
    if (this.image.imageDigest !== undefined && !DIGEST_PATTERN.test(this.image.imageDigest)) {
      problems.push(`imageDigest "${this.image.imageDigest}" must be sha256:<64 hex digits>`);
    }
    return problems;
  }
}
