import type { StageInput } from "./stage";

/**
 * Arguments a provider schema marks sensitive for every use, although a sibling argument says the value is plain
 * text by design. AWS marks `aws_ssm_parameter.value` sensitive whatever the parameter's `type`, yet a String or
 * StringList parameter holds names, ARNs and URLs that other stacks read (SecureString is the type for secrets).
 * There a value is a warning that says so, unless it has a secret's shape (a detector fires), then an error.
 */
interface PlainTextParameter {
  /** Resource (and data source) type. */
  readonly type: string;
  /** The schema-sensitive argument. */
  readonly attribute: string;
  /** The sibling argument that says what kind of value it is. */
  readonly kindAttribute: string;
  /** Values of the sibling that mean plain text. */
  readonly plain: readonly string[];
  /** The sibling naming the parameter: named like a secret (`/prod/db/password`), it is one stored as plain text. */
  readonly nameAttribute: string;
  /** Why such a value is not taken for a secret, and what to use for one (the finding's message). */
  readonly why: string;
}

const PLAIN_TEXT_PARAMETERS: readonly PlainTextParameter[] = [
  {
    type: "aws_ssm_parameter",
    attribute: "value",
    kindAttribute: "type",
    plain: ["String", "StringList"],
    nameAttribute: "name",
    why: "a String or StringList parameter is plain text by design (names, ARNs, URLs); use SecureString for a secret",
  },
];

/**
 * The message detail when the value at `names` of a `resourceType` is plain text by its sibling's word
 * (`type = "String"`): what the sibling says and why that makes it plain text. Undefined otherwise: when the
 * sibling is unknown (a reference, not known yet), or the parameter is named like a secret (`isSecretName`),
 * since the value may then be one.
 */
/** plainTextParameter at a stage's place: the value's resource (never a provider block), its names and siblings. */
export function plainTextParameterAt({ place, sibling, shapes }: StageInput): string | undefined {
  const schema = place.region?.schema;
  if (!schema || schema.kind === "provider") return undefined;
  return plainTextParameter(schema.type, place.names, sibling, (n) => shapes.isSecretKey(n));
}

export function plainTextParameter(
  resourceType: string | undefined,
  names: readonly string[],
  sibling: (name: string) => unknown,
  isSecretName: (name: string) => boolean
): string | undefined {
  if (resourceType === undefined || names.length !== 1) return undefined;
  for (const p of PLAIN_TEXT_PARAMETERS) {
    if (p.type !== resourceType || p.attribute !== names[0]) continue;
    const kind = sibling(p.kindAttribute);
    if (typeof kind !== "string" || !p.plain.includes(kind)) continue;
    const name = sibling(p.nameAttribute);
    if (typeof name === "string" && isSecretName(name)) continue;
    return `${p.kindAttribute} ${kind}: ${p.why}`;
  }
  return undefined;
}
