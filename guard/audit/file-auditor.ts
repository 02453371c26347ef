import { createReadStream } from "node:fs";
import type { FileKind, Finding, Severity } from "../finding";
import { fingerprint } from "../fingerprint";
import type { ProviderFacts } from "../provider-facts";
import { AuditInputError } from "./input-error";
import { Step, toPointer } from "./json-pointer";
import { JsonSplitter } from "./json-splitter";
import { PieceLayout, PieceView, Region } from "./piece-regions";
import { detectPattern } from "./secret-patterns";
import { SecretIndex, worthTracking } from "./secret-index";
import { CtyStep, NOTHING_MARKED } from "./sensitivity-marks";
import { forEachString } from "./string-leaves";
import { descendInto, KindEvidence } from "./terraform-layout";
import { ruleById } from "../rules";

/** A secret the user already knows, searched for by value (layer 4). */
export interface KnownValue {
  readonly value: string;
  /** Where it came from, e.g. "--known-env GENESYS_SECRET": printed instead of the value. */
  readonly source: string;
}

export interface FileAuditOptions {
  readonly facts: ProviderFacts;
  readonly known: readonly KnownValue[];
  /** Largest single piece (one resource instance, one change...) held in memory. */
  readonly maxPieceBytes: number;
  readonly chunkBytes: number;
}

export interface FileAuditResult {
  readonly kind: FileKind;
  readonly findings: Finding[];
}

/** Which finding wins when two rules hit the same place: higher first. */
// A value the user named (--known-env/--known-file) outranks everything: they asked to fail on it wherever it sits.
const PRIORITY: Record<string, number> = { SG110: 95, SG101: 90, SG105: 85, SG104: 80, SG102: 75, SG103: 70, SG125: 10 };
const priority = (ruleId: string) => PRIORITY[ruleId] ?? 50;

/**
 * Audits one file in two streaming passes. Pass 1 reads marks, schemas and patterns and collects secret values;
 * pass 2 (only when there is something to follow) looks for those values everywhere else.
 */
export async function auditFile(path: string, display: string, opts: FileAuditOptions): Promise<FileAuditResult> {
  const findings = new Map<string, Finding>();
  const secrets = new SecretIndex();
  const evidence = new KindEvidence();
  const layout = new PieceLayout();
  const deferred: Array<{ path: Step[]; value: unknown }> = [];
  let kindSoFar: FileKind = "state";

  const put = (f: Finding) => {
    const old = findings.get(f.pointer);
    if (!old || priority(f.ruleId) > priority(old.ruleId)) findings.set(f.pointer, f);
  };
  const make = (ruleId: string, pointer: string, address: string, attribute: string, marked: boolean, value: string, message: string): Finding => ({
    ruleId,
    severity: ruleById(ruleId)?.severity ?? ("error" as Severity),
    file: display,
    pointer,
    address,
    attribute,
    markedSensitive: marked,
    fingerprint: value ? fingerprint(value) : "",
    message,
    suppressed: false,
  });

  const classify = (pathSteps: Step[], value: unknown) => {
    const view = layout.view(pathSteps, value);
    forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
      if (s.length === 0) return;
      const region = regionOf(view, steps);
      if (!region || (region.marks === NOTHING_MARKED && !region.literal && !hasFacts(region))) {
        // Fast path: nothing but patterns can apply; locate only on a hit.
        if (s.length < 8) return;
        const hit = detectPattern(lastKey(steps, wrappers), s);
        if (!hit) return;
        const w = locate(view, steps, wrappers);
        const label = `${w.address}${w.attribute ? " " + w.attribute : ""}`;
        put(make(hit.ruleId, toPointer([...pathSteps, ...steps]), w.address, w.attribute, false, s, `${label}: looks like ${hit.what}`));
        return;
      }
      const pointer = toPointer([...pathSteps, ...steps]);
      const where = locate(view, steps, wrappers);
      if (where.region) {
        const r = where.region;
        const facts = r.schema ? opts.facts.of(r.schema.kind, r.schema.type) : undefined;
        const names = where.cty.filter((x): x is string => typeof x === "string");
        const writeOnly = facts ? prefixIn(facts.writeOnly, names) : false;
        const schemaSensitive = facts ? prefixIn(facts.sensitive, names) : false;
        const attr = where.attribute;
        const origin = `${r.address}${attr ? " " + attr : ""}`;
        if (r.literal) {
          // Plan `configuration`: only `constant_value` holds literals; `references` lists addresses.
          if (r.constantValueWrappers && !steps.slice(r.steps.length).includes("constant_value")) return;
          if ((r.literal === "all" || schemaSensitive || writeOnly) && !s.includes("${")) {
            track(s, origin);
            put(make("SG104", pointer, r.address, attr, false, s, `${origin}: literal value for a sensitive argument in configuration`));
            return;
          }
        } else if (writeOnly) {
          track(s, origin);
          put(make("SG105", pointer, r.address, attr, r.marks(where.cty), s, `${origin}: write-only attribute holds a value in a ${kindSoFar} file`));
          return;
        } else if (r.marks(where.cty)) {
          track(s, origin);
          put(make("SG101", pointer, r.address, attr, true, s, `${origin}: value Terraform marked sensitive is stored in clear in this ${kindSoFar} file`));
          return;
        } else if (schemaSensitive) {
          track(s, origin);
          const why = oldStateNote(layout.terraformVersion);
          put(make("SG102", pointer, r.address, attr, false, s, `${origin}: provider schema marks this attribute sensitive but Terraform did not${why}`));
          return;
        }
      }
      const hit = detectPattern(where.key, s);
      if (hit) {
        const label = `${where.address}${where.attribute ? " " + where.attribute : ""}`;
        put(make(hit.ruleId, pointer, where.address, where.attribute, false, s, `${label}: looks like ${hit.what}`));
      }
    });
  };
  const hasFacts = (r: Region) => {
    if (!r.schema) return false;
    const f = opts.facts.of(r.schema.kind, r.schema.type);
    return f.sensitive.size > 0 || f.writeOnly.size > 0;
  };
  const track = (s: string, origin: string) => {
    if (worthTracking(s)) secrets.add(s, origin, "SG103");
    // A JSON-encoded secret (secret_string = jsonencode({password = ...})): follow its members too.
    const c = s.charCodeAt(0);
    if ((c === 0x7b || c === 0x5b) && s.length <= 1 << 20) {
      let inner: unknown;
      try {
        inner = JSON.parse(s);
      } catch {
        return;
      }
      forEachString(inner, [], false, (x) => {
        if (worthTracking(x)) secrets.add(x, origin, "SG103");
      });
    }
  };

  // Pass 1: kind, marks, schemas, patterns; collect secrets.
  await splitFile(path, display, opts, (p, text) => {
    // Every piece path starts at a top-level member, whatever depth the piece was cut at.
    if (p.length >= 1) evidence.saw(p[0]);
    const value = parsePiece(display, p, text);
    if (layout.takeContext(p, value)) return;
    kindSoFar = evidence.kind() ?? kindSoFar;
    if (p.length === 1 && p[0] === "variables") {
      deferred.push({ path: p, value }); // sensitivity of variables is declared later, in `configuration`
      return;
    }
    classify(p, value);
  });
  const kind = evidence.kind();
  if (!kind) {
    throw new AuditInputError(`${display}: JSON that is not a Terraform state, plan JSON (terraform show -json) or cdk.tf.json`);
  }
  if (kind === "state" && layout.stateVersion !== undefined && layout.stateVersion !== 4) {
    throw new AuditInputError(`${display}: state format version ${layout.stateVersion} is not supported (only version 4, Terraform 0.12 and later)`);
  }
  kindSoFar = kind;
  for (const d of deferred) classify(d.path, d.value);
  for (const k of opts.known) if (k.value.length > 0) secrets.add(k.value, k.source, "SG110");

  // Pass 2: follow every collected value to its unmarked copies.
  if (secrets.size > 0) {
    const pass2 = new PieceLayout();
    for (const v of layout.sensitiveVariables) pass2.sensitiveVariables.add(v);
    pass2.terraformVersion = layout.terraformVersion;
    await splitFile(path, display, opts, (p, text) => {
      if (pass2.isContextPiece(p)) {
        pass2.takeContext(p, parsePiece(display, p, text));
        return;
      }
      const candidates = secrets.candidatesIn(text);
      if (candidates.length === 0) return;
      const value = parsePiece(display, p, text);
      const view = pass2.view(p, value);
      forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
        if (s.length < 8) return;
        const secret = secrets.matchIn(s, candidates);
        if (!secret) return;
        const pointer = toPointer([...p, ...steps]);
        const old = findings.get(pointer);
        if (old && priority(old.ruleId) >= priority(secret.ruleId)) return;
        const where = locate(view, steps, wrappers);
        const label = `${where.address}${where.attribute ? " " + where.attribute : ""}`;
        const message =
          secret.ruleId === "SG110"
            ? `${label}: holds a known secret value (${secret.origin})`
            : `${label}: unmarked copy of the secret from ${secret.origin}`;
        put({
          ruleId: secret.ruleId,
          severity: ruleById(secret.ruleId)?.severity ?? "error",
          file: display,
          pointer,
          address: where.address,
          attribute: where.attribute,
          markedSensitive: old?.markedSensitive ?? false,
          fingerprint: secret.fingerprint,
          message,
          suppressed: false,
        });
      });
    });
  }
  return { kind, findings: [...findings.values()] };
}

function oldStateNote(version: string | undefined): string {
  if (!version) return " (state or plan written without provider sensitivity marks)";
  const [maj, min] = version.split(".").map((x) => parseInt(x, 10));
  if (maj < 1 || (maj === 1 && min < 8)) return ` (written by Terraform ${version}, before 1.8, which did not record provider-sensitive attributes)`;
  return " (file edited by hand or written by a tool that drops marks)";
}

interface Location {
  region: Region | undefined;
  address: string;
  attribute: string;
  cty: CtyStep[];
  /** The nearest member name above the string, for key-gated patterns. */
  key: string;
}

/** Finds the region a string belongs to and its value path inside it (without format wrappers). */
function locate(view: PieceView, steps: readonly Step[], wrappers: readonly number[]): Location {
  let region: Region | undefined;
  for (const r of view.regions) {
    if (r.steps.length <= steps.length && r.steps.every((s, i) => s === steps[i])) {
      region = r;
      break;
    }
  }
  const start = region ? region.steps.length : 0;
  const cty: CtyStep[] = [];
  for (let i = start; i < steps.length; i++) {
    if (wrappers.includes(i)) continue;
    if (region?.constantValueWrappers && steps[i] === "constant_value") continue;
    cty.push(steps[i]);
  }
  let key = "";
  for (let i = cty.length - 1; i >= 0; i--) {
    if (typeof cty[i] === "string") {
      key = cty[i] as string;
      break;
    }
  }
  return { region, address: region ? region.address : view.fallbackAddress, attribute: formatAttribute(cty), cty, key };
}

function regionOf(view: PieceView, steps: readonly Step[]): Region | undefined {
  for (const r of view.regions) {
    if (r.steps.length <= steps.length && r.steps.every((s, i) => s === steps[i])) return r;
  }
  return undefined;
}

function lastKey(steps: readonly Step[], wrappers: readonly number[]): string {
  for (let i = steps.length - 1; i >= 0; i--) {
    if (typeof steps[i] === "string" && !wrappers.includes(i) && steps[i] !== "constant_value") return steps[i] as string;
  }
  return "";
}

function formatAttribute(cty: readonly CtyStep[]): string {
  let out = "";
  for (const s of cty) out += typeof s === "number" ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** True when a prefix of the attribute names (`fields`, `default_action.authenticate_oidc.client_secret`) is in the set. */
function prefixIn(set: ReadonlySet<string>, names: readonly string[]): boolean {
  if (set.size === 0) return false;
  let p = "";
  for (const n of names) {
    p = p ? `${p}.${n}` : n;
    if (set.has(p)) return true;
  }
  return false;
}

function parsePiece(display: string, path: readonly Step[], text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Never echo JSON.parse's message: it quotes the text, which may hold a secret.
    throw new AuditInputError(`${display}: not valid JSON in the value at ${toPointer(path) || "the top"}`);
  }
}

async function splitFile(path: string, display: string, opts: FileAuditOptions, sink: (p: Step[], text: string) => void): Promise<void> {
  const splitter = new JsonSplitter(display, descendInto, sink, opts.maxPieceBytes);
  const stream = createReadStream(path, { highWaterMark: opts.chunkBytes });
  try {
    for await (const chunk of stream) splitter.push(chunk as Buffer);
  } catch (e) {
    if (e instanceof AuditInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AuditInputError(`${display}: cannot read file (${code ?? "read error"})`);
  } finally {
    stream.destroy();
  }
  splitter.end();
}
