/** A typed array twice as long, with the same start (columns that grow as items are added). */
export function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
