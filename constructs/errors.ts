/**
 * A mistake in props or config: reported as one line naming the field and what is allowed, never with a stack
 * trace (main.ts prints `message` and exits 2).
 */
export class GenesysConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GenesysConfigError";
  }
}

/** Throws a GenesysConfigError when `ok` is false. */
export function require_(ok: boolean, message: string): asserts ok {
  if (!ok) throw new GenesysConfigError(message);
}
