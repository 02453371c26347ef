import { Construct } from "constructs";
import { S3BackendConfig, Token } from "cdktf";
import { LockingS3Backend } from "../engine/cdktf-gaps";
import { GenesysConfigError, require_ } from "./errors";
import { requireEngineOf } from "../engine/engine-of-stack";

export type StateLocking = "lockfile" | "dynamodb" | "lockfile+dynamodb";

export interface EncryptedS3BackendProps extends Omit<S3BackendConfig, "encrypt" | "dynamodbTable"> {
  /**
   * Always true: state holds secrets. Accepted only so that `encrypt: false` can be refused loudly
   * instead of silently ignored.
   */
  readonly encrypt?: true;
  /**
   * How state is locked. `lockfile` (default): S3-native `use_lockfile` (Terraform >= 1.10).
   * `dynamodb`: the legacy DynamoDB table (deprecated in Terraform 1.11). `lockfile+dynamodb`: both, while migrating.
   */
  readonly locking?: StateLocking;
  /** DynamoDB table, required for the `dynamodb` locking modes. */
  readonly dynamodbTable?: string;
}

/**
 * An S3 backend that is always encrypted (SSE, with `kmsKeyId` when given) and always locked.
 * Endpoint overrides (`endpoints.s3`, `usePathStyle`) let it run against S3-compatible servers.
 */
export class EncryptedS3Backend extends LockingS3Backend {
  public readonly locking: StateLocking;

  constructor(scope: Construct, props: EncryptedS3BackendProps) {
    requireEngineOf(scope, "EncryptedS3Backend");
    if ((props as { encrypt?: unknown }).encrypt === false) {
      throw new GenesysConfigError(
        "EncryptedS3Backend: encrypt must be true (Terraform state holds secrets); remove `encrypt: false`",
      );
    }
    const locking = props.locking ?? "lockfile";
    require_(
      ["lockfile", "dynamodb", "lockfile+dynamodb"].includes(locking),
      `EncryptedS3Backend: locking must be one of lockfile, dynamodb, lockfile+dynamodb (got ${JSON.stringify(locking)})`,
    );
    const usesDynamo = locking !== "lockfile";
    require_(
      !usesDynamo || !!props.dynamodbTable,
      `EncryptedS3Backend: locking "${locking}" needs dynamodbTable`,
    );
    require_(
      Token.isUnresolved(props.bucket) || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucket),
      `EncryptedS3Backend: bucket ${JSON.stringify(props.bucket)} is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')`,
    );
    require_(
      Token.isUnresolved(props.key) || (props.key.length > 0 && !props.key.startsWith("/") && !props.key.endsWith("/")),
      `EncryptedS3Backend: key ${JSON.stringify(props.key)} must be a non-empty object key without a leading or trailing '/'`,
    );
    const { locking: _l, dynamodbTable, ...rest } = props;
    super(scope, { ...rest, encrypt: true, ...(usesDynamo ? { dynamodbTable } : {}) }, locking !== "dynamodb");
    this.locking = locking;
  }
}
