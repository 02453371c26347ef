/** Length of a piece of a secret that counts as the secret where it shows (an identifier, a message). */
export const PIECE = 8;
/**
 * Length of a piece that counts whatever its characters: a secret of one character class (a lower-case random
 * password) has no mixed PIECE windows, and 12 characters of it in a row are no coincidence.
 */
export const LONG_PIECE = 12;

/** Slots of the identifier-window table (4 MB): past half of it, the windows so far are matched and the table starts afresh. */
const MAX_SLOTS = 1 << 20;

/**
 * The PIECE-character windows that occur both in identifiers and in tracked secrets, found without holding every
 * window of every secret: the identifiers' windows go into a table of 32-bit hashes (identifiers repeat their
 * parts, so there are few), then each secret's windows are looked up in it once. Only windows found in both are
 * kept, as strings, so the final test is exact. Memory: the table (at most MAX_SLOTS) plus the shared windows;
 * time: linear in the identifiers and in the secrets (read once per batch of MAX_SLOTS / 2 identifier windows).
 *
 * Windows of one character class only (`username`, `producti`, `20240101`) or with blanks are not counted: they
 * are words and numbers, which a password and a resource name may share without the name revealing anything.
 * A secret of one character class has no such window: any LONG_PIECE characters in a row of it count instead.
 */
export class PieceSet {
  private constructor(private readonly windows: ReadonlySet<string>) {}

  get size(): number {
    return this.windows.size;
  }

  /**
   * `parts`: the identifier parts to look in; `secretForms`: calls its visitor with each form of each tracked
   * secret (it may be called again when the parts need more than one batch).
   */
  static shared(parts: Iterable<string>, secretForms: (visit: (form: string) => void) => void): PieceSet {
    const found = new Set<string>();
    let table = new Int32Array(1024);
    let count = 0;
    const flush = () => {
      if (count === 0) return;
      const t = table;
      const mask = t.length - 1;
      const look = (form: string, i: number, n: number) => {
        const h = windowHash(form, i, n);
        for (let k = h & mask; t[k] !== 0; k = (k + 1) & mask) {
          if (t[k] === h) {
            found.add(form.slice(i, i + n));
            break;
          }
        }
      };
      secretForms((form) => {
        let mixed = false;
        for (let i = 0; i + PIECE <= form.length; i++) {
          if (!mixed && informative(form, i)) mixed = true;
          look(form, i, PIECE);
        }
        // Only a secret with no mixed window at all (one character class) is looked for by its long pieces: a
        // structured secret's words (`client_secret` in a JSON credential) must not redact every name holding them.
        if (!mixed) for (let i = 0; i + LONG_PIECE <= form.length; i++) look(form, i, LONG_PIECE);
      });
      table = new Int32Array(1024);
      count = 0;
    };
    const insert = (h: number) => {
      const mask = table.length - 1;
      let k = h & mask;
      for (; table[k] !== 0; k = (k + 1) & mask) if (table[k] === h) return;
      table[k] = h;
      if (++count * 2 > table.length) {
        if (table.length >= MAX_SLOTS) return flush();
        const old = table;
        table = new Int32Array(old.length * 2);
        const m = table.length - 1;
        for (const x of old) {
          if (x === 0) continue;
          let j = x & m;
          while (table[j] !== 0) j = (j + 1) & m;
          table[j] = x;
        }
      }
    };
    for (const part of parts) {
      for (let i = 0; i + PIECE <= part.length; i++) {
        if (informative(part, i)) insert(windowHash(part, i, PIECE));
        if (i + LONG_PIECE <= part.length && blankFree(part, i, LONG_PIECE)) insert(windowHash(part, i, LONG_PIECE));
      }
    }
    flush();
    return new PieceSet(found);
  }

  /** Whether `part` holds PIECE characters in a row of a tracked secret (its informative windows). */
  holdsPieceOf(part: string): boolean {
    if (this.windows.size === 0) return false;
    for (let i = 0; i + PIECE <= part.length; i++) {
      if (informative(part, i) && this.windows.has(part.slice(i, i + PIECE))) return true;
      if (i + LONG_PIECE <= part.length && this.windows.has(part.slice(i, i + LONG_PIECE))) return true;
    }
    return false;
  }
}

/** A seeded hash of the `n` characters of `s` at `at`, never 0 (the table's empty slot). */
function windowHash(s: string, at: number, n: number): number {
  let h = 0x2545f491 ^ n;
  for (let i = at; i < at + n; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** No blank or control character among the `n` characters at `at`. */
function blankFree(s: string, at: number, n: number): boolean {
  for (let i = at; i < at + n; i++) if (s.charCodeAt(i) <= 0x20) return false;
  return true;
}

/**
 * A window that says something about a value: no blank, and at least two of lower case, upper case, digits and
 * symbols (name punctuation `_ - . : /` does not count as a symbol).
 */
export function informative(s: string, at: number): boolean {
  let classes = 0;
  for (let i = at; i < at + PIECE; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) return false;
    if (c >= 97 && c <= 122) classes |= 1;
    else if (c >= 65 && c <= 90) classes |= 2;
    else if (c >= 48 && c <= 57) classes |= 4;
    else if (c !== 0x5f && c !== 0x2d && c !== 0x2e && c !== 0x3a && c !== 0x2f) classes |= 8;
  }
  return (classes & (classes - 1)) !== 0;
}
