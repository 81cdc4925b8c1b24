/** One problem with one prop: `prop` is its path in the props (`bucketProps.bucketName`, `subnetIds[1]`). */
export interface ValidationProblem {
  readonly prop: string;
  /** What is allowed, e.g. `must be an integer from 1 to 50`. */
  readonly rule: string;
  /** The line as printed: the prop, the bad value and the rule. */
  readonly message: string;
}

/**
 * Thrown at construction when props are invalid. Lists every problem found (top-level and nested props alike),
 * and names the construct by its path in the tree, so the error points at the one construct of many that is wrong:
 *
 *   Invalid ClaimCheckPipeline props at my-stack/Files:
 *     - bucketProps.bucketName "my bucket!": must be 1-256 letters, digits, hyphens, underscores or periods
 *     - streamProps.partitions 100: must be an integer from 1 to 50
 */
export class ValidationError extends Error {
  /** The construct path (`node.path`) of the construct whose props are invalid. */
  public readonly constructPath: string;
  /** Every problem, in the order the props were checked. */
  public readonly problems: readonly ValidationProblem[];

  constructor(subject: string, constructPath: string, problems: readonly ValidationProblem[]) {
    const list = problems.map((p) => `  - ${p.message}`).join('\n');
    super(`Invalid ${subject} props at ${constructPath}:\n${list}`);
    this.name = 'ValidationError';
    this.constructPath = constructPath;
    this.problems = [...problems];
  }
}
