/**
 * What the rules, the audit and the diff ask of the detector catalogue: is this key name secret-like, and does
 * this value (under this key) have the shape of a secret. One answer for all of them.
 */
export interface ShapeHit {
  /** The detector that recognised it: its id is the reported rule id, its title reads "looks like <title>". */
  readonly detector: { readonly id: string; readonly title: string; readonly severity?: "error" | "warning" | "info" };
  /** The part of the value that is the secret (for fingerprints and propagation). Never printed. */
  readonly secret: string;
}

export interface SecretShapes {
  isSecretKey(name: string): boolean;
  detect(key: string, value: string): ShapeHit | undefined;
  /** Every reading, strongest first (asked only when the strongest is a documented example). */
  detectAll?(key: string, value: string): readonly ShapeHit[];
}
