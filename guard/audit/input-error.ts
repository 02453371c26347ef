/**
 * A problem with what the user gave us (missing file, not JSON, truncated, unknown kind, bad option).
 * The CLI prints `message` as one line and exits 2. Messages name files and offsets, never file content.
 */
export class AuditInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditInputError";
  }
}
