import { fingerprint } from "../../fingerprint";
import { SecretIndex, variants } from "./secret-index";

/**
 * Identifiers built from data (addresses, index keys, JSON-pointer segments, attribute paths, origins) can hold a
 * secret: a for_each key that is a webhook URL, a map key that is a token. Before any of them reaches a report,
 * every secret the file revealed (all values the audit followed) is replaced in them by its fingerprint.
 */
export class IdentifierRedactor {
  private readonly cache = new Map<string, string>();

  constructor(private readonly secrets: SecretIndex) {}

  redact(text: string): string {
    if (text.length < 8 || this.secrets.size === 0) return text;
    const had = this.cache.get(text);
    if (had !== undefined) return had;
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    const candidates = this.secrets.candidatesIn(text).map((c) => this.secrets.value(c)).sort((a, b) => b.length - a.length);
    for (const c of candidates) {
      for (const v of variants(c)) if (out.includes(v)) out = out.split(v).join(`[${fingerprint(c)}]`);
    }
    if (this.cache.size < 10_000) this.cache.set(text, out);
    return out;
  }
}
