import * as fs from "node:fs";
import * as path from "node:path";
import { IConstruct } from "constructs";
import {
  DefaultTokenResolver,
  IAspect,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Tokenization,
} from "cdktf";
import { annotate } from "../../engine/annotate";
import { addStackAspect, afterStackSynth } from "../../engine/shared-gaps";
import { requireEngineOf } from "../../engine/engine-of-stack";
import { SynthFindingsError } from "../errors";
import { Finding, Report, Severity, SourcePlace, summarize } from "../finding";
import { ProviderFacts } from "../provider-facts";
import type { SecretShapes } from "../detectors/secret-shapes";
import { detectorRules, shippedDetectors } from "../detectors/shipped-detectors";
import type { DetectorCatalogue } from "../detectors/catalogue";
import { ConfigDocument } from "../rules/config-document";
import { ConfigFinding, RulePack, runRulePacks } from "../rules/rule";
import { RuleBook } from "../rules/rule-book";
import { TERRAFORM_SECRETS_PACK } from "../rules/terraform-pack";
import { writeFileAtomicSync } from "../commands/atomic-write";
import { toJson, toSarif } from "../report";
import { TOOL } from "../tool";
import { addSuppression, suppressionFor } from "./suppressions";
import { configRedactor, IdentifierRedactor, redactedFinding } from "../audit/detect/identifier-redaction";
import { locateValuesIn } from "../audit/read/value-regions";
import { creationSite } from "../audit/locate/creation-site";
import { creationTraceOf, publishCreationTrace } from "./creation-traces";

export interface SecretGuardOptions {
  /** Write secret-guard.json and secret-guard.sarif next to cdk.tf.json (default true). */
  readonly reports?: boolean;
  /** Provider facts added to the shipped ones (genesyscloud, random, aws): added, never replacing them. */
  readonly facts?: ProviderFacts;
  /** Rule packs to apply (default: the guard class's default packs). */
  readonly packs?: readonly RulePack[];
  /** The detector catalogue (default: the shipped one; add your own with `shippedDetectors().withDetectors(...)`). */
  readonly detectors?: DetectorCatalogue;
}

export const REPORT_JSON = "secret-guard.json";
export const REPORT_SARIF = "secret-guard.sarif";
const guards = new WeakMap<TerraformStack, SecretGuard>();

/**
 * The synth-time secret guard: applies rule packs to each stack in two passes:
 * 1. an aspect over the construct tree, which reports at the construct that is wrong;
 * 2. a gate over the written cdk.tf.json (the stack synthesizer, wrapped), which also sees property overrides
 *    and escape hatches, and writes the JSON and SARIF reports.
 * Error findings fail `cdktf synth` and `Testing.fullSynth`. Messages never hold a secret value.
 *
 * Constructs are recognised with cdktf's `isX` checks, never `instanceof`: an importer may load two copies of
 * the engine (its own and this package's).
 */
export class SecretGuard implements IAspect {
  /** The packs a guard applies when none are given; subclasses (packs of a product) widen it. */
  protected static defaultPacks(): readonly RulePack[] {
    return [TERRAFORM_SECRETS_PACK];
  }

  /** Applies the guard to a stack (once; later calls return the same guard). Aspects on the App never run. */
  public static of(stack: TerraformStack, options: SecretGuardOptions = {}): SecretGuard {
    requireEngineOf(stack, "SecretGuard");
    let g = guards.get(stack);
    if (!g) {
      g = new this(stack, { ...options, packs: options.packs ?? this.defaultPacks() });
      guards.set(stack, g);
    }
    return g;
  }

  /** Accepts a finding of `ruleId` on `scope` and below, for a stated reason (at least 10 characters). */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    addSuppression(scope, ruleId, reason);
  }

  private readonly facts: ProviderFacts;
  private readonly packs: readonly RulePack[];
  private readonly shapes: SecretShapes;
  private readonly rules: RuleBook;
  private readonly aspectFindings = new Map<string, Finding>();

  protected constructor(
    private readonly stack: TerraformStack,
    private readonly options: SecretGuardOptions,
  ) {
    this.facts = ProviderFacts.shipped();
    if (options.facts) this.facts.addFrom(options.facts);
    this.packs = options.packs ?? [TERRAFORM_SECRETS_PACK];
    this.shapes = options.detectors ?? shippedDetectors();
    this.rules = new RuleBook(...this.packs, detectorRules(options.detectors));
    addStackAspect(stack, this);
    afterStackSynth(stack, (_session, file, api) => this.gate(file, api.continueOnErrors, api.annotate));
  }

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    // The whole stack at once: some rules (outputs, backend) need facts from other blocks.
    const byPath = this.constructsByPath();
    const doc = this.resolvedStack();
    const found = this.check(doc);
    const redactor = this.redactorFor(doc, found);
    for (const f of found) {
      const target = this.targetOf(f, byPath);
      const finding = redactedFinding(this.toFinding(f, target, "cdk.tf.json"), redactor);
      // Into cdk.tf.json, for `secret-guard audit` of the stack: where the app created the reported construct
      // (an accepted finding too: the audit of the stack reports it, and does not know the synth's suppression).
      publishCreationTrace(target);
      this.aspectFindings.set(`${f.ruleId} ${f.pointer}`, finding);
      annotateFinding(target, finding, redactor.redact(f.message));
    }
  }

  /**
   * Keys, labels and messages built from the configuration can hold a secret (a map key that is a token, a
   * name cut from a password): the redactor replaces such parts by their fingerprints before anything is
   * annotated, written or thrown.
   */
  private redactorFor(doc: unknown, found: readonly ConfigFinding[]): IdentifierRedactor {
    if (found.length === 0) return new IdentifierRedactor(undefined); // nothing to print: no walk of the stack
    const texts = found.flatMap((f) => [f.pointer, f.address, f.attribute, f.message, f.constructPath ?? ""]);
    return configRedactor(doc, this.shapes, new Set(found.map((f) => f.fingerprint).filter((x) => x !== "")), texts);
  }

  private check(doc: unknown): ConfigFinding[] {
    return runRulePacks(new ConfigDocument(doc, this.facts, this.shapes), this.packs);
  }

  private resolvedStack(): any {
    const doc: any = {};
    const resolver = new DefaultTokenResolver(new StringConcat());
    for (const el of this.stack.node.findAll()) {
      if (!TerraformElement.isTerraformElement(el)) continue;
      merge(doc, Tokenization.resolve(el.toTerraform(), { scope: this.stack, resolver, preparing: false }));
    }
    return doc;
  }

  /** Construct paths and Terraform addresses -> constructs, so each finding lands on the construct at fault. */
  private constructsByPath(): Map<string, IConstruct> {
    const map = new Map<string, IConstruct>();
    for (const c of this.stack.node.findAll()) {
      map.set(c.node.path, c);
      const address = addressOf(c);
      if (address) map.set(address, c);
    }
    return map;
  }

  private targetOf(f: ConfigFinding, byPath: Map<string, IConstruct>): IConstruct {
    return (f.constructPath && byPath.get(f.constructPath)) || byPath.get(f.address) || this.stack;
  }

  private toFinding(f: ConfigFinding, target: IConstruct, file: string): Finding {
    const rule = this.rules.getOrUnknown(f.ruleId);
    const s = suppressionFor(target, f.ruleId);
    return {
      ruleId: f.ruleId,
      severity: rule.severity,
      file,
      pointer: f.pointer,
      address: f.address,
      attribute: f.attribute,
      markedSensitive: false,
      fingerprint: f.fingerprint,
      message: `${f.message} (construct ${target.node.path})`,
      suppressed: !!s,
      ...(s ? { suppressionReason: s.reason } : {}),
    };
  }

  /** Checks the file as written, adds what the aspect could not see, writes reports, fails on errors. */
  private gate(file: string, continueOnErrors: boolean, annotateManifest: (path: string, level: Severity, message: string) => void): void {
    if (!fs.existsSync(file)) return; // HCL output: nothing to read back.
    const bytes = fs.readFileSync(file);
    const doc = JSON.parse(bytes.toString("utf8"));
    const byPath = this.constructsByPath();
    const findings: Finding[] = [];
    const rel = path.relative(process.cwd(), file) || file;
    const found = this.check(doc);
    const redactor = this.redactorFor(doc, found);
    // For the SARIF report: each value's line and column in the file as written (by the file's own pointers,
    // before redaction), and the line of the app that created the construct.
    const regions = this.options.reports !== false && found.length > 0 ? locateValuesIn(bytes, found.map((f) => f.pointer)).regions : [];
    const placed = (i: number, target: IConstruct) => {
      const createdAt = createdAtOf(target);
      // A path is built from data too: redacted like every other identifier.
      return { ...(regions[i] ? { region: regions[i] } : {}), ...(createdAt ? { createdAt: { ...createdAt, file: redactor.redact(createdAt.file) } } : {}) };
    };
    for (const [i, f] of found.entries()) {
      const target = this.targetOf(f, byPath);
      const known = this.aspectFindings.get(`${f.ruleId} ${f.pointer}`);
      if (known) {
        findings.push({ ...known, file: rel, ...placed(i, target) });
        continue;
      }
      const finding = redactedFinding(this.toFinding(f, target, rel), redactor);
      const where = `override in ${rel}#${finding.pointer}`;
      findings.push({ ...finding, message: `${finding.message} (${where})`, ...placed(i, target) });
      if (!finding.suppressed) {
        annotateManifest(target.node.path, finding.severity, `[${finding.ruleId}] ${redactor.redact(f.message)} (${where})`);
      }
    }
    if (this.options.reports !== false) {
      const report: Report = { tool: TOOL, files: [{ path: rel, kind: "synth" }], findings, summary: summarize(findings) };
      const dir = path.dirname(file);
      writeFileAtomicSync(path.join(dir, REPORT_JSON), toJson(report, this.rules));
      writeFileAtomicSync(path.join(dir, REPORT_SARIF), toSarif(report, this.rules));
    }
    const newErrors = findings.filter((f) => !f.suppressed && f.severity === "error" && !this.aspectFindings.has(`${f.ruleId} ${f.pointer}`));
    if (newErrors.length && !continueOnErrors) {
      // Plain `node main.js` / Testing.fullSynth: fail like cdktf does for error annotations, leaving no stack file.
      fs.rmSync(file, { force: true });
      throw new SynthFindingsError(this.stack.node.path, newErrors);
    }
  }
}

function addressOf(c: IConstruct): string | undefined {
  if (TerraformDataSource.isTerraformDataSource(c)) return `data.${c.terraformResourceType}.${c.friendlyUniqueId}`;
  if (TerraformResource.isTerraformResource(c)) return `${c.terraformResourceType}.${c.friendlyUniqueId}`;
  if (TerraformOutput.isTerraformOutput(c)) return `output.${c.friendlyUniqueId}`;
  if (isTerraformVariable(c)) return `var.${c.friendlyUniqueId}`;
  if (TerraformProvider.isTerraformProvider(c)) return c.alias ? `provider.${c.terraformResourceType}.${c.alias}` : `provider.${c.terraformResourceType}`;
  return undefined;
}

/** cdktf 0.21 has no TerraformVariable.isTerraformVariable: recognise it by shape (an element with a `default` accessor and `stringValue`). */
function isTerraformVariable(c: IConstruct): c is TerraformVariable {
  return TerraformElement.isTerraformElement(c) && !TerraformResource.isTerraformResource(c) && "stringValue" in c && "sensitive" in c;
}

/** Where the app created the construct: recorded by recordCreationTraces, else a trace cdktf kept in its metadata. */
function createdAtOf(target: IConstruct): SourcePlace | undefined {
  const recorded = creationTraceOf(target);
  const trace = recorded.length > 0 ? recorded : target.node.metadata.find((e) => e.type === "stacktrace")?.trace;
  return trace && trace.length > 0 ? creationSite(JSON.stringify(trace)) : undefined;
}

function annotateFinding(target: IConstruct, f: Finding, rawMessage: string): void {
  const text = `[${f.ruleId}] ${rawMessage}`;
  if (f.suppressed) annotate(target, "info", `${text} (suppressed: ${f.suppressionReason})`);
  else annotate(target, f.severity, text);
}

function merge(into: any, from: any): void {
  for (const [k, v] of Object.entries(from ?? {})) {
    if (v && typeof v === "object" && !Array.isArray(v) && into[k] && typeof into[k] === "object" && !Array.isArray(into[k])) merge(into[k], v);
    else if (Array.isArray(v) && Array.isArray(into[k])) into[k] = [...into[k], ...v];
    else into[k] = v;
  }
}
