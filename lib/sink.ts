/**
 * A sink for results, so the optimiser cannot drop a call whose value is unused (mitata's
 * `do_not_optimize`). Writing to a property of an exported object is an effect V8 must keep.
 */
export const sink: { value: unknown } = { value: undefined };

/** Stores `value` in the sink and returns it. */
export function consume<T>(value: T): T {
  sink.value = value;
  return value;
}
