import type { SourcePlace, TextRegion } from "../finding";
import { CompactFinding, redactFinding } from "./compact-finding";
import { StringIds } from "./string-ids";
import { grown } from "./grown";

/**
 * One file's findings while it is audited, one per pointer, kept in columns (arrays of shared strings and typed
 * arrays) rather than an object and a map entry each: a state where every resource holds a secret has hundreds
 * of thousands. Read back as CompactFinding objects, built one at a time.
 */
export class FindingStore {
  private readonly pointers: string[] = [];
  private readonly rules: string[] = [];
  private readonly addresses: string[] = [];
  private readonly attributes: string[] = [];
  private readonly details: string[] = [];
  private fpHi = new Int32Array(256);
  private fpLo = new Int32Array(256);
  private bits = new Uint8Array(256);
  /** Pointer to index; dropped once pointers are redacted (they no longer are the keys). */
  private byPointer: StringIds | undefined = new StringIds();
  /** Per finding, 4 numbers (start line, start column, end line, end column; 0: none); only once located. */
  private regions: Int32Array | undefined;
  /** Where the constructs of located cdk.tf.json findings were created, by index. */
  private created: Map<number, SourcePlace> | undefined;
  /** Report order (by pointer), once sorted. */
  private order: Int32Array | undefined;

  get length(): number {
    return this.pointers.length;
  }

  /** The finding at `pointer` (its index), or -1. */
  indexOf(pointer: string): number {
    return this.keys().get(pointer, this.pointers);
  }

  pointerOf(i: number): string {
    return this.pointers[i];
  }

  ruleIdOf(i: number): string {
    return this.rules[i];
  }

  /** Puts `f` at its pointer, replacing the finding there. */
  set(f: CompactFinding): void {
    let i = this.indexOf(f.pointer);
    if (i < 0) {
      i = this.pointers.length;
      if (i === this.bits.length) {
        this.fpHi = grown(this.fpHi);
        this.fpLo = grown(this.fpLo);
        this.bits = grown(this.bits);
      }
      this.pointers.push(f.pointer);
      this.rules.push(f.ruleId);
      this.addresses.push(f.address);
      this.attributes.push(f.attribute);
      this.details.push(f.detail);
      this.keys().put(f.pointer, i, this.pointers);
    } else {
      this.write(i, f);
    }
    this.fpHi[i] = f.fpHi;
    this.fpLo[i] = f.fpLo;
    this.bits[i] = f.bits;
    this.order = undefined;
  }

  /** The i-th finding: in report order once sorted, else in the order first put. */
  at(i: number): CompactFinding {
    const k = this.order ? this.order[i] : i;
    const f: CompactFinding = { ruleId: this.rules[k], pointer: this.pointers[k], address: this.addresses[k], attribute: this.attributes[k], detail: this.details[k], fpHi: this.fpHi[k], fpLo: this.fpLo[k], bits: this.bits[k] };
    const r = this.regions;
    const createdAt = this.created?.get(k);
    if ((!r || r[4 * k] === 0) && !createdAt) return f;
    return {
      ...f,
      ...(r && r[4 * k] > 0 ? { region: { startLine: r[4 * k], startColumn: r[4 * k + 1], endLine: r[4 * k + 2], endColumn: r[4 * k + 3] } } : {}),
      ...(createdAt ? { createdAt } : {}),
    };
  }

  /** Records where the i-th finding (in the order first put) is in the file, and the construct's creation site. */
  locate(i: number, region: TextRegion | undefined, createdAt?: SourcePlace): void {
    if (region) {
      if (!this.regions || this.regions.length < 4 * this.pointers.length) {
        const grown = new Int32Array(4 * this.pointers.length);
        if (this.regions) grown.set(this.regions);
        this.regions = grown;
      }
      this.regions.set([region.startLine, region.startColumn, region.endLine, region.endColumn], 4 * i);
    }
    if (createdAt) (this.created ??= new Map()).set(i, createdAt);
  }

  /** Passes every identifier through the redactor (see redactFinding). Findings can no longer be looked up by pointer. */
  redact(redactor: { redact(text: string): string; prepare?(texts: Iterable<string>): unknown }): void {
    this.byPointer = undefined;
    redactor.prepare?.(this.identifiers());
    for (let i = 0; i < this.pointers.length; i++) {
      const f = this.at(i);
      const r = redactFinding(f, redactor);
      if (r !== f) this.write(i, r);
    }
    // A creation site's path is read from the file (cdktf's stack trace): data, like a key.
    for (const [i, place] of this.created ?? []) {
      const file = redactor.redact(place.file);
      if (file !== place.file) this.created!.set(i, { ...place, file });
    }
  }

  /** Every identifier text of every finding (repeats included: they are shared strings). */
  private *identifiers(): Generator<string> {
    for (const column of [this.pointers, this.addresses, this.attributes, this.details]) yield* column;
    for (const place of this.created?.values() ?? []) yield place.file;
  }

  /** Sorts the report order by pointer (ties keep the order first put). */
  sortByPointer(): this {
    this.order = this.indicesByPointer();
    return this;
  }

  /** The indices (in the order first put) sorted by pointer, ties in the order first put: the report's order. */
  indicesByPointer(): Int32Array {
    const p = this.pointers;
    const order = new Int32Array(p.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((a, b) => (p[a] < p[b] ? -1 : p[a] > p[b] ? 1 : a - b));
  }

  private write(i: number, f: CompactFinding): void {
    this.pointers[i] = f.pointer;
    this.rules[i] = f.ruleId;
    this.addresses[i] = f.address;
    this.attributes[i] = f.attribute;
    this.details[i] = f.detail;
  }

  private keys(): StringIds {
    if (!this.byPointer) throw new Error("FindingStore: looked up by pointer after redaction");
    return this.byPointer;
  }
}
