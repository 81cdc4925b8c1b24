/**
 * Monitoring Query Language (MQL), the part alarms use:
 *
 *   metric[interval]{dimensionname = "dimensionvalue", ...}.statistic() <operator> <value>
 *
 * https://docs.oracle.com/iaas/Content/Monitoring/Reference/mql.htm ("Components in an MQL Expression": metric,
 * interval, dimensions, optional grouping function, statistic, comparison; e.g. `CpuUtilization[1m].max() > 80`).
 */

/** Statistics this library writes; each appears in the MQL reference's own examples (`.max()`, `.mean()`, `.sum()`). */
export const METRIC_STATISTICS = ['sum', 'max', 'mean'] as const;
/** A statistic of `METRIC_STATISTICS`: `sum`, `max` or `mean`. */
export type MetricStatistic = (typeof METRIC_STATISTICS)[number];

/** Comparison operators for alarm queries (MQL reference, "predicate operators"). */
export const COMPARISON_OPERATORS = ['>', '>=', '<', '<='] as const;
/** A comparison operator of `COMPARISON_OPERATORS`: `>`, `>=`, `<` or `<=`. */
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/**
 * Valid MQL intervals: 1m-60m, 1h-24h, 1d (MQL reference, interval values). Choose one at least as long as the
 * metric's emission period; the service metrics used here are emitted every minute.
 */
const INTERVAL_PATTERN = /^(\d+)([mhd])$/;
export function isMqlInterval(interval: string): boolean {
  const match = INTERVAL_PATTERN.exec(interval);
  if (!match) return false;
  const n = Number(match[1]);
  const max = { m: 60, h: 24, d: 1 }[match[2] as 'm' | 'h' | 'd'];
  return n >= 1 && n <= max;
}

/** Props of `Metric`: one metric of one namespace, with its dimension filters and interval. */
export interface MetricProps {
  /** The metric namespace, e.g. `oci_faas`. */
  readonly namespace: string;
  /** The metric name, e.g. `FunctionResponseCount`. */
  readonly metricName: string;
  /**
   * Dimension filters, each `name = "value"`; values may be Terraform references (`${...}`).
   * @default - none: every resource emitting the metric in the compartment
   */
  readonly dimensions?: Record<string, string>;
  /** OCID of the compartment the metric is emitted in (the resource's compartment). */
  readonly compartmentId: string;
}

/** When an alarm fires: `<statistic>() <operator> <threshold>` over `interval`. */
export interface MetricCondition {
  readonly statistic: MetricStatistic;
  readonly operator: ComparisonOperator;
  readonly threshold: number;
  /** @default '1m' */
  readonly interval?: string;
}

/** One metric of one namespace, filtered by dimensions: the subject of an alarm. */
export class Metric {
  public readonly namespace: string;
  public readonly metricName: string;
  public readonly dimensions: Readonly<Record<string, string>>;
  public readonly compartmentId: string;

  constructor(props: MetricProps) {
    this.namespace = props.namespace;
    this.metricName = props.metricName;
    this.dimensions = { ...(props.dimensions ?? {}) };
    this.compartmentId = props.compartmentId;
  }

  /** The MQL alarm query, e.g. `FunctionResponseCount[1m]{resourceId = "ocid1...", responseType = "Error"}.sum() > 0`. */
  public query(condition: MetricCondition): string {
    const dims = Object.entries(this.dimensions).map(([name, value]) => `${name} = "${value}"`);
    const filter = dims.length ? `{${dims.join(', ')}}` : '';
    return `${this.metricName}[${condition.interval ?? '1m'}]${filter}.${condition.statistic}() ${condition.operator} ${condition.threshold}`;
  }
}
