/**
 * The security-relevant view of one stack, the same for a synthesized cdk.tf.json and for a plan, so that the
 * comparison (compare.ts) does not care where it came from. Holds names, addresses and flags: never a secret value.
 */

export interface RoleGrantView {
  /** Stable key for matching: `name:<role name>` when the name is known, else `id:<role id or reference>`. */
  readonly key: string;
  /** What people read: the role name, or the id / reference when the name cannot be found. */
  readonly label: string;
  /** Whether `label` is a role name (admin-like checks only make sense then). */
  readonly named: boolean;
  /** Division ids; "" is the home division (division_id unset), "*" all divisions. */
  readonly divisions: readonly string[];
}

export interface ClientView {
  readonly address: string;
  readonly name: string;
  readonly grantType: string;
  readonly roles: readonly RoleGrantView[];
  readonly scopes: readonly string[];
  readonly exposeSecret: boolean;
  /** directory_client_secret, or "" when unset. A folder path, not a secret. */
  readonly directorySecret: string;
  readonly preventDestroy: boolean;
  /** secretDelivery secrets-manager-rotation: the secret never reaches Terraform (diff/rotation.ts). */
  readonly rotated?: boolean;
  /** Plans only: the actions of this client's resource change in this plan. */
  readonly actions?: readonly string[];
}

/** A place where a secret value could end up in state (or in config): one per (address, attribute). */
export interface SecretSinkView {
  readonly address: string;
  readonly attribute: string;
  /** `write-only`: never stored; `state`: stored in state from a reference; `literal`: a literal value in config. */
  readonly mode: "write-only" | "state" | "literal";
  /** The value comes from an OAuth client's client_secret. */
  readonly clientSecret: boolean;
}

export interface OutputView {
  readonly name: string;
  readonly sensitive: boolean;
  /** The output's value refers to something secret (a client secret, a password, a secret string...). */
  readonly secret: boolean;
}

export interface BackendView {
  /** `s3`, `cloud`, `remote`, `local`, ...; `none` when there is no backend block (state stays local). */
  readonly type: string;
  readonly encrypt?: boolean;
  readonly useLockfile?: boolean;
  readonly dynamodbTable?: boolean;
  readonly kmsKey?: boolean;
}

export interface StackView {
  readonly name: string;
  readonly clients: ReadonlyMap<string, ClientView>;
  readonly sinks: ReadonlyMap<string, SecretSinkView>;
  readonly outputs: ReadonlyMap<string, OutputView>;
  /** undefined when the input does not say (plans carry no backend block). */
  readonly backend?: BackendView;
}

export type InputKind = "synth" | "plan";

export interface DiffInput {
  readonly path: string;
  readonly kind: InputKind;
  readonly stacks: ReadonlyMap<string, StackView>;
  /** The files read (a folder's cdk.tf.json files), so --output can refuse to overwrite one of them. */
  readonly files?: readonly string[];
  /** Values the views show as fingerprints (never printed): their pieces are hidden in what the diff prints. */
  readonly secrets?: readonly string[];
}
