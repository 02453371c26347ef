import type { TrackedSecret } from "./secret-index";

/** Places in a file where a tracked secret's gram occurs, in file order, read back with a forward-only cursor. */
export class SecretHits {
  private offsets: number[] = [];
  private secrets: TrackedSecret[] = [];
  private cursor = 0;

  add(offset: number, secret: TrackedSecret): void {
    this.offsets.push(offset);
    this.secrets.push(secret);
  }

  /** True when a hit lies in [start, end). Ask in increasing `start` order. */
  anyIn(start: number, end: number): boolean {
    this.skipTo(start);
    return this.cursor < this.offsets.length && this.offsets[this.cursor] < end;
  }

  /** The distinct secrets hit in [start, end). Ask in increasing `start` order. */
  secretsIn(start: number, end: number): TrackedSecret[] {
    this.skipTo(start);
    const out = new Set<TrackedSecret>();
    for (let k = this.cursor; k < this.offsets.length && this.offsets[k] < end; k++) out.add(this.secrets[k]);
    return [...out];
  }

  private skipTo(start: number): void {
    while (this.cursor < this.offsets.length && this.offsets[this.cursor] < start) this.cursor++;
  }
}
