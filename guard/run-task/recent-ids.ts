/**
 * The task_result_ids of recently accepted runs, so a request HCP Terraform sends again (it retries when it did
 * not get the 200, e.g. a dropped connection) is not audited and reported twice. Bounded in count and age: an id
 * is forgotten after `maxAgeMs` or when `maxCount` newer ones came in.
 */
export class RecentIds {
  /** id -> when it was added; a Map iterates in insertion order, so the oldest come first. */
  private readonly added = new Map<string, number>();

  constructor(
    private readonly maxCount = 1000,
    private readonly maxAgeMs = 30 * 60_000,
  ) {}

  has(id: string, now = Date.now()): boolean {
    this.forgetOld(now);
    return this.added.has(id);
  }

  add(id: string, now = Date.now()): void {
    this.added.delete(id);
    this.added.set(id, now);
    while (this.added.size > this.maxCount) this.added.delete(this.added.keys().next().value as string);
  }

  get size(): number {
    return this.added.size;
  }

  private forgetOld(now: number): void {
    for (const [id, at] of this.added) {
      if (now - at < this.maxAgeMs) break;
      this.added.delete(id);
    }
  }
}
