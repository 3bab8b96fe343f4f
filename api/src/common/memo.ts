/**
 * `map.get(key)`, or `build()` stored under `key` first: a cache of derived values that are cheap to rebuild
 * (statement texts, prepared-statement names, compiled operations, operation costs). When it already holds `max`
 * entries it is emptied rather than tracked per entry: the keys are few (statement shapes, the operations of a
 * document, page-size variables), so a clear is rare, and an LRU's bookkeeping would cost more on every hit.
 * A `build` that throws stores nothing.
 */
export function remembered<K, V>(map: Map<K, V>, key: K, max: number, build: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = build();
    if (map.size >= max) map.clear();
    map.set(key, value);
  }
  return value;
}
