/**
 * A value built on first use and kept, unless building it failed: then the next use builds it again. What the
 * deployed function entries use for their runtime (configuration, clients), so a configuration problem answers the
 * call that met it with a clear error instead of keeping the container from starting, and a fixed problem (a policy
 * that took effect) needs no restart.
 */
export function lazyRetrying<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    if (value === undefined) {
      const building = build();
      value = building;
      building.catch(() => {
        if (value === building) value = undefined;
      });
    }
    return value;
  };
}
