/**
 * Dictionaries keyed by names that come from outside (entity ids, station ids, category and
 * district names, socket event names). A plain `{}` answers `constructor`, `toString` or
 * `__proto__` from Object.prototype, and assigning `obj['__proto__']` replaces its prototype: one
 * record with such an id made the fold throw. These never consult a prototype.
 *
 * Objects that arrive as JSON (snapshots from the database, state over the wire) have the normal
 * prototype: read them with `own`, never with `obj[key]`.
 */
export type Dict<T> = Record<string, T>;

/** A new dictionary with no prototype (still serialises as a JSON object). */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Dict<T> {
  const d = Object.create(null) as Dict<T>;
  if (entries) for (const [k, v] of entries) d[k] = v;
  return d;
}

/** The value stored under `key` in `obj` itself, never one inherited from a prototype. */
export function own<T>(obj: Readonly<Dict<T>> | null | undefined, key: string): T | undefined {
  return obj != null && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A null-prototype copy of `obj`'s own enumerable entries (for JSON that came from outside). */
export function dictFrom<T>(obj: Readonly<Dict<T>> | null | undefined): Dict<T> {
  return obj == null ? dict<T>() : dict(Object.entries(obj));
}

/** Sets `obj[key]`, defining it as an own data property even for `__proto__`. */
export function setOwn<T>(obj: Dict<T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** The value stored under `key` in `obj` itself, made by `make` (and stored) when there is none. */
export function ownOrMake<T>(obj: Dict<T>, key: string, make: () => T): T {
  let v = own(obj, key);
  if (v === undefined) {
    v = make();
    setOwn(obj, key, v);
  }
  return v;
}
