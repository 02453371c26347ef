import type { FileAuditOptions } from "../audit-file";
import { StringPool } from "../compact-finding";
import { FindingStore } from "../finding-store";
import { SecretIndex } from "../detect/secret-index";

/**
 * What one file's audit builds as its stages run: the findings (one per pointer), the strings they share, and
 * the secrets found so far, to be looked for again in the whole file (find-copies.ts).
 */
export class AuditRun {
  readonly findings = new FindingStore();
  readonly pool = new StringPool();
  readonly secrets = new SecretIndex();

  constructor(
    /** The file's name in reports and errors. */
    readonly display: string,
    readonly opts: FileAuditOptions,
  ) {}
}
