/**
 * JSON helpers for backups: a canonical serialisation (the input of the checksum) and a guard that a value
 * survives a JSON round trip unchanged.
 *
 * Canonical form: object keys sorted by UTF-16 code units, no whitespace, `JSON.stringify` for every scalar.
 * It is written straight to a string, never by rebuilding objects, so a row with a `__proto__` key is
 * serialised like any other key instead of changing a prototype.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export type JsonObject = { readonly [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return JSON.stringify(value);
  }
  // undefined, functions, symbols: never in a parsed file; written as JSON.stringify writes them in arrays.
  if (typeof value !== 'object') return 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  }
  const entries = Object.entries(value)
    // JSON.stringify drops undefined properties; the canonical form must agree with the file it checks.
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * Where `value` stops being plain JSON (a Date, a Blob, NaN, a class instance…), as a path such as
 * `invoices[3].issuedAt`; null when it is plain JSON. `undefined` object properties are accepted: JSON drops
 * them, which is what an optional field means.
 */
export function findNonJson(value: unknown, path: string): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : path;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          const found = findNonJson(value[i], `${path}[${i}]`);
          if (found !== null) return found;
        }
        return null;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return path;
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        const found = findNonJson(item, `${path}.${key}`);
        if (found !== null) return found;
      }
      return null;
    }
    default:
      return path;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
