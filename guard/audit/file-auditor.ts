import { FileHandle, open } from "node:fs/promises";
import type { FileKind } from "../finding";
import { CompactFinding, compactFinding, flat, isMarked, MessageKind, StringPool } from "./compact-finding";
import type { BlockFacts, ProviderFacts } from "../provider-facts";
import { AuditInputError } from "./input-error";
import { Step, toPointer } from "./json-pointer";
import { JsonSplitter, JumpRule, PieceSink } from "./json-splitter";
import { PieceLayout, PieceView, Region } from "./piece-regions";
import { detectPattern } from "./secret-patterns";
import { SpanLog } from "./piece-spans";
import { SecretHits } from "./secret-hits";
import { looksLikeSecretKey } from "../synth/secret-keys";
import { GRAM, SecretIndex, TrackedSecret, worthTracking } from "./secret-index";
import { CtyStep, NOTHING_MARKED } from "./sensitivity-marks";
import { forEachString } from "./string-leaves";
import { descendInto, KindEvidence, piecesOf } from "./terraform-layout";

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
  /** In no particular order; one per pointer. */
  readonly findings: CompactFinding[];
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
  const findings = new Map<string, CompactFinding>();
  const pool = new StringPool();
  const secrets = new SecretIndex();
  const evidence = new KindEvidence();
  const layout = new PieceLayout();
  const deferred: Array<{ path: Step[]; value: unknown }> = [];
  let kindSoFar: FileKind = "state";

  const put = (f: CompactFinding) => {
    const old = findings.get(f.pointer);
    if (!old || priority(f.ruleId) > priority(old.ruleId)) findings.set(f.pointer, f);
  };
  // The message is `${address} ${attribute}: ` + a text chosen by `kind` + `detail`, built when written.
  const make = (ruleId: string, pointer: string, address: string, attribute: string, marked: boolean, value: string, kind: MessageKind, detail: string) =>
    compactFinding(ruleId, pointer, pool.intern(address), pool.intern(attribute), marked, value, kind, detail);

  const classify = (pathSteps: Step[], value: unknown) => {
    const view = layout.view(pathSteps, value);
    const facts = view.regions.map((r) => (r.schema ? opts.facts.of(r.schema.kind, r.schema.type) : undefined));
    const patternsOnly = view.regions.map((r, k) => r.marks === NOTHING_MARKED && !r.literal && !hasFacts(facts[k]));
    forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
      if (s.length === 0) return;
      const at = regionIndex(view, steps);
      if (at < 0 || patternsOnly[at]) {
        // Fast path: nothing but patterns can apply; locate only on a hit.
        if (s.length < 8) return;
        const hit = detectPattern(lastKey(steps, wrappers), s);
        if (!hit) return;
        const w = locate(view, steps, wrappers);
        put(make(hit.ruleId, toPointer([...pathSteps, ...steps]), w.address, w.attribute, false, s, MessageKind.Pattern, hit.what));
        return;
      }
      const pointer = () => toPointer([...pathSteps, ...steps]);
      const where = locate(view, steps, wrappers);
      if (where.region) {
        const r = where.region;
        const f = facts[at];
        const names = where.cty.filter((x): x is string => typeof x === "string");
        const writeOnly = f ? prefixIn(f.writeOnly, names) > 0 : false;
        const sensitiveDepth = f ? prefixIn(f.sensitive, names) : 0;
        // Inside a sensitive map (integration credential `fields`), ids and user names sit beside the secret:
        // only members whose key names a secret are secrets.
        const plainMember = sensitiveDepth > 0 && sensitiveDepth < names.length && !looksLikeSecretKey(names[names.length - 1]);
        const schemaSensitive = sensitiveDepth > 0 && !plainMember;
        const attr = where.attribute;
        const origin = flat(`${r.address}${attr ? " " + attr : ""}`);
        if (r.literal) {
          // Plan `configuration`: only `constant_value` holds literals; `references` lists addresses.
          if (r.constantValueWrappers && !steps.slice(r.steps.length).includes("constant_value")) return;
          if ((r.literal === "all" || schemaSensitive || writeOnly) && !s.includes("${")) {
            track(s, origin);
            put(make("SG104", pointer(), r.address, attr, false, s, MessageKind.Literal, ""));
            return;
          }
        } else if (writeOnly) {
          track(s, origin);
          put(make("SG105", pointer(), r.address, attr, r.marks(where.cty), s, MessageKind.WriteOnly, kindSoFar));
          return;
        } else if (r.marks(where.cty)) {
          if (!plainMember) track(s, origin);
          put(make("SG101", pointer(), r.address, attr, true, s, MessageKind.Marked, kindSoFar));
          return;
        } else if (schemaSensitive) {
          track(s, origin);
          const why = oldStateNote(layout.terraformVersion);
          put(make("SG102", pointer(), r.address, attr, false, s, MessageKind.Schema, why));
          return;
        }
      }
      const hit = detectPattern(where.key, s);
      if (hit) put(make(hit.ruleId, pointer(), where.address, where.attribute, false, s, MessageKind.Pattern, hit.what));
    });
  };
  const hasFacts = (f: BlockFacts | undefined) => !!f && (f.sensitive.size > 0 || f.writeOnly.size > 0);
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
  const spans = new SpanLog();
  await splitFile(path, display, opts, (cut, piece) => {
    let content = false;
    piecesOf(cut, piece.value(), (p, value) => {
      // Every piece path starts at a top-level member, whatever depth the piece was cut at.
      if (p.length >= 1) evidence.saw(p[0]);
      if (layout.takeContext(p, value)) return;
      content = true;
      kindSoFar = evidence.kind() ?? kindSoFar;
      if (p.length === 1 && p[0] === "variables") {
        deferred.push({ path: p, value }); // sensitivity of variables is declared later, in `configuration`
        return;
      }
      classify(p, value);
    });
    if (content) spans.add(piece.start, piece.end);
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

  // Pass 2: find where collected values occur in the raw bytes, then read only the pieces that hold one.
  if (secrets.size > 0) {
    const hits = new SecretHits();
    await scanFile(path, display, opts, secrets, hits);
    const everywhere = secrets.everywhere;
    const pass2 = new PieceLayout();
    for (const v of layout.sensitiveVariables) pass2.sensitiveVariables.add(v);
    pass2.terraformVersion = layout.terraformVersion;
    const jump = (start: number) => {
      const end = spans.endOf(start);
      return end >= 0 && everywhere.length === 0 && !hits.anyIn(start, end) ? end : -1;
    };
    const follow = (p: Step[], value: unknown, candidates: readonly TrackedSecret[]) => {
      const view = pass2.view(p, value);
      forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
        if (s.length < 8) return;
        const secret = secrets.matchIn(s, candidates);
        if (!secret) return;
        const pointer = toPointer([...p, ...steps]);
        const old = findings.get(pointer);
        if (old && priority(old.ruleId) >= priority(secret.ruleId)) return;
        const where = locate(view, steps, wrappers);
        const kind = secret.ruleId === "SG110" ? MessageKind.Known : MessageKind.Copy;
        put(make(secret.ruleId, pointer, where.address, where.attribute, old ? isMarked(old) : false, secret.value, kind, secret.origin));
      });
    };
    await splitFile(path, display, opts, (cut, piece) => {
      const hit = hits.secretsIn(piece.start, piece.end);
      const candidates = everywhere.length === 0 ? hit : [...everywhere, ...hit];
      if (candidates.length === 0 && !pass2.isContextPiece(cut)) return;
      piecesOf(cut, piece.value(), (p, value) => {
        if (pass2.isContextPiece(p)) pass2.takeContext(p, value);
        else if (candidates.length > 0) follow(p, value, candidates);
      });
    }, jump);
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

function regionIndex(view: PieceView, steps: readonly Step[]): number {
  return view.regions.findIndex((r) => r.steps.length <= steps.length && r.steps.every((s, i) => s === steps[i]));
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

/**
 * How many leading attribute names form a path in the set (`fields`, `default_action.authenticate_oidc.client_secret`);
 * 0 when none does.
 */
function prefixIn(set: ReadonlySet<string>, names: readonly string[]): number {
  if (set.size === 0) return 0;
  let p = "";
  for (let i = 0; i < names.length; i++) {
    p = p ? `${p}.${names[i]}` : names[i];
    if (set.has(p)) return i + 1;
  }
  return 0;
}

async function splitFile(path: string, display: string, opts: FileAuditOptions, sink: PieceSink, jump?: JumpRule): Promise<void> {
  const splitter = new JsonSplitter(display, descendInto, sink, opts.maxPieceBytes, jump);
  await readChunks(path, display, opts, (chunk) => splitter.push(chunk));
  splitter.end();
}

/** Records every place a gated secret's gram occurs in the file, across chunk boundaries too. */
async function scanFile(path: string, display: string, opts: FileAuditOptions, secrets: SecretIndex, hits: SecretHits): Promise<void> {
  const add = (offset: number, s: TrackedSecret) => hits.add(offset, s);
  let offset = 0;
  let tail: Buffer = Buffer.alloc(0);
  await readChunks(path, display, opts, (chunk) => {
    // Grams that start in the last bytes of the previous chunk and end in this one.
    const seam = Buffer.concat([tail, chunk.subarray(0, GRAM - 1)]);
    if (seam.length >= GRAM) secrets.scanBytes(seam.subarray(0, tail.length + GRAM - 1), offset - tail.length, add);
    secrets.scanBytes(chunk, offset, add);
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (GRAM - 1))));
    offset += chunk.length;
  });
}

/**
 * Reads the file into two reused buffers, the next read running while `take` handles the previous chunk; `take`
 * must copy what it keeps. (A read stream allocates a fresh buffer per read, and the garbage collector frees them
 * late: tens of MB of RSS at 1 GiB.)
 */
async function readChunks(path: string, display: string, opts: FileAuditOptions, take: (chunk: Buffer) => void): Promise<void> {
  let fh: FileHandle | undefined;
  let pending: Promise<unknown> | undefined;
  try {
    const file = (fh = await open(path, "r"));
    const bufs = [Buffer.allocUnsafeSlow(opts.chunkBytes), Buffer.allocUnsafeSlow(opts.chunkBytes)];
    let k = 0;
    let next = file.read(bufs[k], 0, opts.chunkBytes, null);
    pending = next;
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      k ^= 1;
      next = file.read(bufs[k], 0, opts.chunkBytes, null); // reads on into the other buffer meanwhile
      pending = next;
      take(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
  } catch (e) {
    if (e instanceof AuditInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AuditInputError(`${display}: cannot read file (${code ?? "read error"})`);
  } finally {
    await pending?.catch(() => undefined); // never close the file under a read in flight
    await fh?.close();
  }
}
