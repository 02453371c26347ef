import type { FileKind } from "../../finding";
import { detectBesideExamples } from "../detect/catalogue-stage";
import { compactFinding, MessageKind } from "../compact-finding";
import { Step, toPointer } from "../read/json-pointer";
import type { PieceLayout, PieceView } from "../locate/piece-layout";
import { lastKey, locate, regionIndexOf } from "../locate/place";
import type { Place } from "../locate/place";
import { NOTHING_MARKED } from "../locate/sensitivity-marks";
import { forEachString } from "../locate/string-leaves";
import type { DetectStage, StageInput } from "../detect/stage";
import type { AuditRun } from "./audit-run";
import { keepStronger } from "./rank-findings";
import { trackSecret } from "./track-secrets";

/** Name-like member names remembered as clean, at most. */
const CLEAN_KEYS_LIMIT = 50_000;

/**
 * Pass 1's detection, one piece at a time: each string is placed in Terraform's terms (locate/) and judged by the
 * detection stages in order (detect/pass-one-stages.ts); each map key is judged by its shape (and by the marks of
 * its map). Every secret found becomes a finding and is tracked (track-secrets.ts). This runs on every string of
 * the file: per piece it builds a view, two small arrays and two closures, per string nothing.
 */
export class PieceDetector {
  /** Name-like member names already judged not to be secrets (attribute names repeat in every piece). */
  private readonly cleanKeys = new Set<string>();

  constructor(
    private readonly run: AuditRun,
    private readonly layout: PieceLayout,
    private readonly stages: readonly DetectStage[],
  ) {}

  /**
   * Judges every string and key of the piece at `pathSteps`; `fileKind` is the kind the file shows so far. In a plan
   * HCP Terraform redacted, what sits under a sensitive mark is the redaction's stand-in (a 64-hex digest), not the
   * value: never reported as a secret in clear, never followed as one. Anything else under a mark there is a value
   * the redaction missed, reported as in any plan.
   */
  detect(pathSteps: Step[], value: unknown, fileKind: FileKind, redacted = false): void {
    const { run, layout, stages, cleanKeys } = this;
    const { findings, pool } = run;
    const { shapes } = run.opts;
    const view = layout.view(pathSteps, value);
    const facts = view.regions.map((r) => (r.schema ? run.opts.facts.of(r.schema.kind, r.schema.type) : undefined));
    // Regions where only shapes can apply (nothing marked, no schema facts, not configuration): locate on a hit only.
    const shapesOnly = view.regions.map((r, k) => r.marks === NOTHING_MARKED && !r.literal && !(facts[k] && (facts[k]!.sensitive.size > 0 || facts[k]!.writeOnly.size > 0)));
    const judgeKey = (key: string, steps: Step[], wrappers: readonly number[]) => {
      // Member names repeat in every piece (and JSON.parse interns them): one lookup answers the usual name.
      if (key.length < 8 || cleanKeys.has(key)) return;
      // A name-like key (most are attribute names) is a secret only by its shape: long enough for a token, and
      // judged once per file. Any other key (with dots, colons, slashes: a URL) is also one inside a marked map.
      const nameLike = isNameLike(key);
      if (nameLike && key.length < 20) {
        if (cleanKeys.size < CLEAN_KEYS_LIMIT) cleanKeys.add(key);
        return;
      }
      const parentKey = lastKey(steps.slice(0, -1), wrappers);
      const hit = shapes.detect(parentKey, key);
      if (!hit && nameLike) {
        if (cleanKeys.size < CLEAN_KEYS_LIMIT) cleanKeys.add(key);
        return;
      }
      const place = locate(view, steps, wrappers);
      const marked = !nameLike && !!place.region && place.region.marks(place.cty);
      if (marked && redacted && isRedactionStandIn(key)) return;
      if (!hit && !marked) return;
      const secret = hit ? hit.secret : key;
      trackSecret(run, secret, place, !!hit, hit?.detector.severity === "warning");
      // The key itself is the finding (a pointer cannot name a key: it names the member's value, redacted later).
      if (hit) keepStronger(findings, compactFinding(hit.detector.id, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), false, secret, MessageKind.Key, hit.detector.title));
      else keepStronger(findings, compactFinding("SG101", toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), true, secret, MessageKind.Key, "a key of a map Terraform marked sensitive"));
    };
    const sibling = (name: string) => regionMember(view, value, input.place.regionIndex, name);
    const input: { -readonly [K in keyof StageInput]: StageInput[K] } = { value: "", place: undefined as unknown as Place, facts: undefined, fileKind, terraformVersion: undefined, shapes, sibling };
    forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
      if (s.length === 0) return;
      const at = regionIndexOf(view, steps);
      if (at < 0 || shapesOnly[at]) {
        if (s.length < 8) return;
        // A named region's key is its place's (located now); elsewhere the nearest member name, located on a hit only.
        const named = at >= 0 && view.regions[at].name !== undefined ? locate(view, steps, wrappers, at) : undefined;
        const hit = detectBesideExamples(shapes, named ? named.key : lastKey(steps, wrappers), s);
        if (!hit) return;
        const place = named ?? locate(view, steps, wrappers, at);
        trackSecret(run, hit.secret, place, true, hit.detector.severity === "warning");
        keepStronger(findings, compactFinding(hit.detector.id, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), false, hit.secret, MessageKind.Pattern, hit.detector.title));
        return;
      }
      const place = locate(view, steps, wrappers, at);
      const r = place.region;
      if (redacted && isRedactionStandIn(s) && r?.marks(place.cty)) return;
      // Plan `configuration`: only `constant_value` holds values; `references` lists addresses.
      if (r?.constantValueWrappers && !steps.slice(r.steps.length).includes("constant_value")) return;
      // One input object per piece, refilled per string (stages read it and keep nothing).
      input.value = s;
      input.place = place;
      input.facts = facts[at];
      input.fileKind = fileKind;
      input.terraformVersion = layout.terraformVersion;
      for (const stage of stages) {
        const v = stage.judge(input);
        if (!v) continue;
        if (v.follow !== undefined) trackSecret(run, v.follow, place, v.byShape === true, v.hint === true);
        const fpValue = v.follow ?? s;
        keepStronger(findings, compactFinding(v.ruleId, toPointer([...pathSteps, ...steps]), pool.intern(place.address), pool.intern(place.attribute), v.marked, fpValue, v.kind, v.detail));
        return;
      }
    }, [], judgeKey);
  }
}

/**
 * Member `name` of region `k`'s value in the piece (a resource's `type` beside its `value`), with plan
 * configuration's `{constant_value}` wrapper taken off; undefined when absent or not a literal. Asked only at a
 * finding's place, so it walks the region's few steps each time.
 */
function regionMember(view: PieceView, piece: unknown, k: number, name: string): unknown {
  const region = view.regions[k];
  if (!region) return undefined;
  let v: any = piece;
  for (const step of region.steps) v = v != null && typeof v === "object" ? v[step] : undefined;
  const member = v != null && typeof v === "object" && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name) ? v[name] : undefined;
  if (!region.constantValueWrappers) return member;
  return member != null && typeof member === "object" && "constant_value" in member ? member.constant_value : undefined;
}

/** HCP Terraform's stand-in for a redacted value: 64 hex digits (hashicorp/terraform's plan-redacted.json fixtures). */
function isRedactionStandIn(s: string): boolean {
  return s.length === 64 && /^[0-9a-f]{64}$/.test(s);
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
