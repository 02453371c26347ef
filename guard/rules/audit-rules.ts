import type { RuleInfo } from "../finding";

/**
 * The audit rule pack (`secret-guard audit` over state, plan JSON and cdk.tf.json), as data. Ids are stable:
 * a retired rule's id is never reused. Severity design: a value Terraform marked sensitive, in clear where
 * Terraform always puts it, is a warning (expected, but exposed to whoever reads the file); anything Terraform
 * did not mark (copies, schema-sensitive values of old states, literals, known values, pattern hits) is an error;
 * a key-gated entropy hint and a documented example value (SG107) are warnings.
 */
export const AUDIT_RULES: RuleInfo[] = [
  {
    id: "SG101",
    name: "marked-sensitive-in-clear",
    severity: "warning",
    explanation:
      "Terraform marked this value sensitive (sensitive_attributes, *_sensitive, sensitive_values, a sensitive output or variable) but state and plan files still hold it in clear, readable by anyone who can read the file.",
    fix: "Keep the secret out of Terraform: use write-only arguments (*_wo) fed by ephemeral resources or variables, or let the service generate and store it; restrict and encrypt the backend that holds the file.",
  },
  {
    id: "SG102",
    name: "schema-sensitive-unmarked",
    severity: "error",
    explanation:
      "The provider schema declares this attribute sensitive, but the file does not mark it: states written before Terraform 1.8 never recorded provider sensitivity, so tools that trust the marks miss it.",
    fix: "Treat the file as secret; upgrade to Terraform >= 1.8 and refresh the state so it records the marks; rotate the secret if the file was shared.",
  },
  {
    id: "SG103",
    name: "unmarked-copy-of-secret",
    severity: "error",
    explanation:
      "The value of a sensitive attribute, output or variable also sits in a place Terraform did not mark (another attribute, a JSON-encoded string, a non-sensitive output), where it is printed and copied without redaction.",
    fix: "Do not pass secrets through non-sensitive attributes (terraform_data output, tags, jsonencode into plain fields); mark outputs sensitive; prefer write-only arguments.",
  },
  {
    id: "SG104",
    name: "literal-secret-in-configuration",
    severity: "error",
    explanation:
      "A literal value is given for an argument the provider schema marks sensitive or write-only, or as the default of a sensitive variable: it is stored in the configuration and every plan made from it.",
    fix: "Pass the secret as a sensitive (better: ephemeral) variable from the environment, or let the provider generate it.",
  },
  {
    id: "SG105",
    name: "write-only-attribute-has-value",
    severity: "error",
    explanation: "A write-only argument (*_wo) is never stored by Terraform; a value here means the file was produced by a tool that did store it.",
    fix: "Find the tool that wrote the value, delete the file, and rotate the secret.",
  },
  {
    id: "SG106",
    name: "file-not-audited",
    severity: "error",
    explanation:
      "A file found in an audited folder looks like Terraform (by name or content) but could not be read as a state, plan, output or configuration file: truncated, not JSON, or in a format the guard does not know. Whatever secrets it holds went unchecked.",
    fix: "Fix or remove the file (a truncated state or plan is usually a failed write); if it is not Terraform, rename it so it no longer looks like a Terraform file.",
  },
  {
    id: "SG107",
    name: "documented-example-value",
    severity: "warning",
    explanation:
      "The value is one vendors publish as an example (AWS's documented example key pair, a Stripe documentation test key, the public Google API keys of Firebase samples that scanners allow-list) or is marked as one (AWS example keys end in EXAMPLE). It grants nothing, so it is a warning, not an error; the catalogue is guard/detectors/public-examples.json.",
    fix: "Nothing to rotate. If a real credential is meant to be here, the configuration still holds a placeholder; if not, suppress the finding with a reason or remove the example.",
  },
  {
    id: "SG108",
    name: "weak-value-in-sensitive-argument",
    severity: "warning",
    explanation:
      "A schema-sensitive argument or a sensitive variable's default holds a short or plain value (`1234`, `bar`, `foobarbaz`, `Aa1234321Bb`): most likely a test's dummy, but if it is real it is a weak secret stored in clear. Placeholders (`changeme`, `<token>`, `${var.x}`, `xxxx`, values that only restate the argument such as `my-access-key` or `mock_secret_key`, `unused`) give no finding at all; a value with a secret's shape stays SG102/SG104.",
    fix: "If it is a dummy, nothing to do (suppress with a reason, or use an obvious placeholder such as `changeme`); if it is real, replace it with a generated secret passed through a sensitive or ephemeral variable, and rotate it.",
  },
  {
    id: "SG109",
    name: "plain-text-parameter-value",
    severity: "warning",
    explanation:
      "The provider schema marks this argument sensitive for every use, but a sibling argument declares the value plain text: an aws_ssm_parameter of type String or StringList holds names, ARNs and URLs by design. It is a reminder, not a leak, and the value is not followed as a secret. A value with a secret's shape is still an error (the detector that recognises it), and so is any value of a parameter named like a secret (`/prod/db/password`).",
    fix: "Nothing to do for plain configuration; for a secret, use type SecureString (with a KMS key) and feed the value through the write-only argument value_wo or an ephemeral variable.",
  },
  {
    id: "SG110",
    name: "known-secret-value",
    severity: "error",
    explanation: "A secret you named with --known-env or --known-file is present in the file.",
    fix: "Remove the secret from what Terraform stores (write-only arguments, ephemeral resources) and rotate it.",
  },
  {
    id: "SG111",
    name: "copy-of-a-hint",
    severity: "warning",
    explanation:
      "The same value as one a detector only warned about (the entropy hint, a test-mode key, a token whose checksum does not verify) sits here too, for example in tags_all beside tags. A copy says no more than the original, so it is a warning as well.",
    fix: "Judge the original finding: if the value is a real secret, keep it out of both places and rotate it; if not, suppress the original with a reason (the copies follow the same value).",
  },
];
