import type { FileKind } from "../finding";
import type { ProviderFacts } from "../provider-facts";
import type { SecretShapes } from "../detectors/secret-shapes";
import { GuardError, InputError } from "../errors";
import { CompactFinding, compactFinding, compactFromFingerprint, isMarked, MessageKind, StringPool } from "./compact-finding";
import { FindingStore } from "./finding-store";
import { ConfigDocument } from "../rules/config-document";
import { anyConfigurationRules, isCdktfMetadata, RulePack, runRulePacks } from "../rules/rule";
import { ByteSource, openSource, ReadLimits, scanFile, splitFile } from "./read/file-chunks";
import { Step, toPointer } from "./read/json-pointer";
import { SpanLog } from "./read/span-log";
import { piecesOf } from "./locate/descend-rules";
import { KindEvidence } from "./locate/file-kind";
import { PieceLayout } from "./locate/piece-layout";
import { lastKey, locate, regionIndexOf } from "./locate/place";
import type { Place } from "./locate/place";
import { NOTHING_MARKED } from "./locate/sensitivity-marks";
import { forEachString } from "./locate/string-leaves";
import { findingPriority } from "./detect/finding-priority";
import { PASS_ONE_STAGES } from "./detect/pass-one-stages";
import { followSecrets } from "./detect/propagation";
import { SecretHits } from "./detect/secret-hits";
import { SecretIndex, TrackedSecret, worthTracking } from "./detect/secret-index";
import { IdentifierRedactor } from "./detect/identifier-redaction";
import type { DetectStage, StageInput } from "./detect/stage";

/** A secret the user already knows, searched for by value. */
export interface KnownValue {
  readonly value: string;
  /** Where it came from, e.g. "--known-env GENESYS_SECRET": printed instead of the value. */
  readonly source: string;
}

export interface FileAuditOptions extends ReadLimits {
  readonly facts: ProviderFacts;
  readonly shapes: SecretShapes;
  readonly known: readonly KnownValue[];
  /** Pass-1 stages, in order (default PASS_ONE_STAGES). */
  readonly stages?: readonly DetectStage[];
  /** Synth rule packs, run on configuration files (cdk.tf.json) as synth runs them. */
  readonly packs?: readonly RulePack[];
}

/** Top-level members of a Terraform JSON configuration: the pieces kept to run the synth rules on. */
const CONFIG_SECTIONS = new Set(["resource", "data", "ephemeral", "provider", "terraform", "variable", "output", "locals", "module", "import", "moved", "check"]);
/** Largest configuration rebuilt in memory for the synth rules. */
const CONFIG_LIMIT = 64 * 1024 * 1024;

export interface FileAuditResult {
  readonly kind: FileKind;
  /** One per pointer, sorted by pointer. */
  readonly findings: FindingStore;
}

/**
 * Audits one file: the pipeline read -> locate -> detect, twice.
 * - Pass 1 reads the file as a stream of pieces (read/), tells the file kind and places each string in Terraform's
 *   terms (locate/), and asks the pass-1 stages (detect/pass-one-stages.ts) whether it is a secret; every secret
 *   found is remembered.
 * - Pass 2 (only when something was found or known values were given) scans the raw bytes for those values and
 *   reads again only the pieces that may hold one, to report unmarked copies (SG103) and known values (SG110).
 * Findings are kept compact (compact-finding.ts) until the report is written.
 */
export async function auditFile(input: string | ByteSource, display: string, opts: FileAuditOptions): Promise<FileAuditResult> {
  const stages = opts.stages ?? PASS_ONE_STAGES;
  const findings = new FindingStore();
  const pool = new StringPool();
  /** Name-like member names already judged not to be secrets (attribute names repeat in every piece). */
  const cleanKeys = new Set<string>();
  const secrets = new SecretIndex();
  const evidence = new KindEvidence();
  const layout = new PieceLayout();
  const deferred: Array<{ path: Step[]; value: unknown }> = [];
  let kindSoFar: FileKind = "state";

  const put = (f: CompactFinding) => {
    const old = findings.indexOf(f.pointer);
    if (old < 0 || findingPriority(f.ruleId) > findingPriority(findings.ruleIdOf(old))) findings.set(f);
  };
  /** Follows `s` (and the members of a JSON-encoded `s`) as a secret from `place`. */
  const follow = (s: string, place: { readonly address: string; readonly attribute: string }, byShape = false) => {
    const origin = { address: pool.intern(place.address), attribute: pool.intern(place.attribute) };
    if (worthTracking(s)) secrets.add(s, origin, "SG103", byShape);
    // A JSON-encoded secret (secret_string = jsonencode({password = ...})): follow its members too.
    const c = s.charCodeAt(0);
    if ((c === 0x7b || c === 0x5b) && s.length <= 1 << 20) {
      let inner: unknown;
      try {
        inner = JSON.parse(s);
      } catch {
        return;
      }
      try {
        forEachString(inner, [], false, (x) => {
          if (worthTracking(x)) secrets.add(x, origin, "SG103", byShape);
        });
      } catch (e) {
        // A JSON-encoded string nested too deep: say which file, as for any other input problem.
        if (GuardError.isGuardError(e)) throw new InputError(`${display}: ${e.message} (inside a JSON-encoded string)`);
        throw e;
      }
    }
  };

  // Pass 1, per piece: locate each string, then ask the stages.
  const judgePiece = (pathSteps: Step[], value: unknown) => {
    const view = layout.view(pathSteps, value);
    const facts = view.regions.map((r) => (r.schema ? opts.facts.of(r.schema.kind, r.schema.type) : undefined));
    // Regions where only shapes can apply (nothing marked, no schema facts, not configuration): locate on a hit only.
    const shapesOnly = view.regions.map((r, k) => r.marks === NOTHING_MARKED && !r.literal && !(facts[k] && (facts[k]!.sensitive.size > 0 || facts[k]!.writeOnly.size > 0)));
    const judgeKey = (key: string, steps: Step[], wrappers: readonly number[]) => {
      // Member names repeat in every piece (and JSON.parse interns them): one lookup answers the usual name.
      if (key.length < 8 || cleanKeys.has(key)) return;
      // A name-like key (most are attribute names) is a secret only by its shape: long enough for a token, and
      // judged once per file. Any other key (with dots, colons, slashes: a URL) is also one inside a marked map.
      const nameLike = isNameLike(key);
      if (nameLike && key.length < 20) {
        if (cleanKeys.size < 50_000) cleanKeys.add(key);
        return;
      }
      const parentKey = lastKey(steps.slice(0, -1), wrappers);
      const hit = opts.shapes.detect(parentKey, key);
      if (!hit && nameLike) {
        if (cleanKeys.size < 50_000) cleanKeys.add(key);
        return;
      }
      const place = locate(view, steps, wrappers);
      const marked = !nameLike && !!place.region && place.region.marks(place.cty);
      if (!hit && !marked) return;
      const secret = hit ? hit.secret : key;
      follow(secret, place, !!hit);
      // The key itself is the finding (a pointer cannot name a key: it names the member's value, redacted later).
      if (hit) put(compactFinding(hit.detector.id, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), false, secret, MessageKind.Key, hit.detector.title));
      else put(compactFinding("SG101", toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), true, secret, MessageKind.Key, "a key of a map Terraform marked sensitive"));
    };
    const input: { -readonly [K in keyof StageInput]: StageInput[K] } = { value: "", place: undefined as unknown as Place, facts: undefined, fileKind: kindSoFar, terraformVersion: undefined, shapes: opts.shapes };
    forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
      if (s.length === 0) return;
      const at = regionIndexOf(view, steps);
      if (at < 0 || shapesOnly[at]) {
        if (s.length < 8) return;
        // A named region's key is its place's (located now); elsewhere the nearest member name, located on a hit only.
        const named = at >= 0 && view.regions[at].name !== undefined ? locate(view, steps, wrappers, at) : undefined;
        const hit = opts.shapes.detect(named ? named.key : lastKey(steps, wrappers), s);
        if (!hit) return;
        const place = named ?? locate(view, steps, wrappers, at);
        follow(hit.secret, place, true);
        put(compactFinding(hit.detector.id, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), false, hit.secret, MessageKind.Pattern, hit.detector.title));
        return;
      }
      const place = locate(view, steps, wrappers, at);
      const r = place.region;
      // Plan `configuration`: only `constant_value` holds values; `references` lists addresses.
      if (r?.constantValueWrappers && !steps.slice(r.steps.length).includes("constant_value")) return;
      // One input object per piece, refilled per string (stages read it and keep nothing).
      input.value = s;
      input.place = place;
      input.facts = facts[at];
      input.fileKind = kindSoFar;
      input.terraformVersion = layout.terraformVersion;
      for (const stage of stages) {
        const v = stage.judge(input);
        if (!v) continue;
        if (v.follow !== undefined) follow(v.follow, place, v.byShape === true);
        const fpValue = v.follow ?? s;
        put(compactFinding(v.ruleId, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), v.marked, fpValue, v.kind, v.detail));
        return;
      }
    }, [], judgeKey);
  };

  const spans = new SpanLog();
  const source = typeof input === "string" ? await openSource(input, display, opts) : input; // a path, or an opened source (stdin, S3, HCP)
  const config: Record<string, unknown> = {};
  let configBytes = 0;
  let cdktfOutput = false; // cdktf's `//` metadata: the whole stack, so every synth rule applies
  await splitFile(source, opts, (cut, piece) => {
    let content = false;
    if (cut[0] === "//" && (cut[1] === "metadata" || (cut.length === 1 && isCdktfMetadata(piece.value())))) cdktfOutput = true;
    if (opts.packs?.length && typeof cut[0] === "string" && CONFIG_SECTIONS.has(cut[0]) && configBytes <= CONFIG_LIMIT) {
      configBytes += piece.end - piece.start;
      setAt(config, cut, piece.value());
    }
    piecesOf(cut, piece.value(), (p, value) => {
      // Every piece path starts at a top-level member, whatever depth the piece was cut at.
      if (p.length >= 1) evidence.saw(p[0]);
      if (p.length === 1) evidence.sawTopValue(value);
      if (layout.takeContext(p, value)) return;
      content = true;
      kindSoFar = evidence.kind() ?? kindSoFar;
      if (p.length === 1 && p[0] === "variables") {
        deferred.push({ path: p, value }); // sensitivity of variables is declared later, in `configuration`
        return;
      }
      judgePiece(p, value);
    });
    if (content) spans.add(piece.start, piece.end);
  });
  const kind = evidence.kind();
  if (!kind) {
    throw new InputError(`${display}: JSON that is not a Terraform state, plan JSON (terraform show -json) or cdk.tf.json`);
  }
  // Format 3 is what `terraform init` still writes to .terraform/terraform.tfstate (the backend's settings).
  if (kind === "state" && layout.stateVersion !== undefined && layout.stateVersion !== 4 && layout.stateVersion !== 3) {
    throw new InputError(`${display}: state format version ${layout.stateVersion} is not supported (only 4, and 3 as in .terraform/terraform.tfstate)`);
  }
  kindSoFar = kind;
  for (const d of deferred) judgePiece(d.path, d.value);
  if (kind === "synth" && opts.packs?.length && configBytes <= CONFIG_LIMIT) {
    // The synth rules (outputs without sensitive, backends, write-only twins...) on the configuration as written.
    // A hand-written *.tf.json is one file of a module: only the rules that judge any configuration run on it.
    for (const f of runRulePacks(new ConfigDocument(config, opts.facts, opts.shapes), cdktfOutput ? opts.packs : anyConfigurationRules(opts.packs))) {
      put(compactFromFingerprint(f.ruleId, f.pointer, pool.intern(f.address), pool.intern(f.attribute), f.fingerprint, MessageKind.Rule, f.message));
    }
  }
  for (const k of opts.known) if (k.value.length > 0) secrets.add(k.value, k.source, "SG110");

  // Pass 2: find where collected values occur in the raw bytes, then read only the pieces that hold one.
  if (secrets.size > 0) {
    const hits = new SecretHits();
    await scanFile(source, secrets, hits);
    const everywhere = secrets.everywhere;
    const pass2 = new PieceLayout();
    for (const v of layout.sensitiveVariables) pass2.sensitiveVariables.add(v);
    pass2.terraformVersion = layout.terraformVersion;
    const jump = (start: number) => {
      const end = spans.endOf(start);
      return end >= 0 && everywhere.length === 0 && !hits.anyIn(start, end) ? end : -1;
    };
    // A copy replaces a weaker finding (a shape, the entropy hint) with the place it was copied from, unless the
    // secret is known only by its shape: then the shape's own finding may be its origin. A known value replaces
    // anything (the user asked to fail on it wherever it sits).
    const canReport = (pointer: string, secret: TrackedSecret) => {
      const old = findings.indexOf(pointer);
      if (old < 0) return true;
      if (secrets.byShape(secret) && findings.ruleIdOf(old) !== "SG125") return false;
      return findingPriority(findings.ruleIdOf(old)) < findingPriority(secrets.ruleId(secret));
    };
    await splitFile(source, opts, (cut, piece) => {
      const hit = hits.secretsIn(piece.start, piece.end);
      const candidates = everywhere.length === 0 ? hit : [...everywhere, ...hit];
      if (candidates.length === 0 && !pass2.isContextPiece(cut)) return;
      piecesOf(cut, piece.value(), (p, value) => {
        if (pass2.isContextPiece(p)) pass2.takeContext(p, value);
        else if (candidates.length > 0) {
          followSecrets(pass2, p, value, secrets, candidates, canReport, (c) => {
            const old = findings.indexOf(c.pointer);
            if (old >= 0 && c.origin === "") return; // the value's own place: its first finding stands
            put(compactFinding(secrets.ruleId(c.secret), c.pointer, pool.intern(c.address), pool.intern(c.attribute), old >= 0 && isMarked(findings.at(old)), secrets.value(c.secret), c.kind, c.origin));
          });
        }
      });
    }, jump);
  }
  // Identifiers built from data may hold a secret found anywhere in the file: fingerprints replace them.
  findings.redact(new IdentifierRedactor(secrets));
  return { kind, findings: findings.sortByPointer() };
}

/** Puts a cut-out piece back at its path in a rebuilt document. */
function setAt(doc: Record<string, unknown>, path: readonly Step[], value: unknown): void {
  let node: any = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (node[k] === undefined || node[k] === null || typeof node[k] !== "object") node[k] = typeof path[i + 1] === "number" ? [] : {};
    node = node[k];
  }
  node[path[path.length - 1]] = value;
}

/**
 * Member names that read like attribute or map-key names, not like data: /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, by
 * hand because it runs on nearly every member name of the file.
 */
function isNameLike(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 64) return false;
  let c = key.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return false;
  for (let i = 1; i < n; i++) {
    c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return true;
}
