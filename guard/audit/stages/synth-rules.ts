import { ConfigDocument } from "../../rules/config-document";
import { anyConfigurationRules, isCdktfMetadata, runRulePacks } from "../../rules/rule";
import { compactFromFingerprint, MessageKind } from "../compact-finding";
import type { Piece } from "../read/json-splitter";
import type { Step } from "../read/json-pointer";
import type { AuditRun } from "./audit-run";
import { keepStronger } from "./rank-findings";

/** Top-level members of a Terraform JSON configuration: the pieces kept to run the synth rules on. */
const CONFIG_SECTIONS = new Set(["resource", "data", "ephemeral", "provider", "terraform", "variable", "output", "locals", "module", "import", "moved", "check"]);
/** Largest configuration rebuilt in memory for the synth rules. */
const CONFIG_LIMIT = 64 * 1024 * 1024;

/**
 * The configuration of a cdk.tf.json, rebuilt from the pieces pass 1 reads, so the synth rule packs (outputs
 * without sensitive, backends, write-only twins...) run on it as synth runs them. Past CONFIG_LIMIT it stops
 * keeping pieces and the rules do not run.
 */
export class SynthConfiguration {
  private readonly config: Record<string, unknown> = {};
  private bytes = 0;
  /** cdktf's `//` metadata was seen: the file is a whole synthesized stack, so every synth rule applies. */
  private cdktfOutput = false;

  /** Keeps the piece cut at `cut` when it belongs to a configuration section; notes cdktf's metadata. */
  take(cut: readonly Step[], piece: Piece): void {
    if (cut[0] === "//" && (cut[1] === "metadata" || (cut.length === 1 && isCdktfMetadata(piece.value())))) this.cdktfOutput = true;
    if (typeof cut[0] === "string" && CONFIG_SECTIONS.has(cut[0]) && this.bytes <= CONFIG_LIMIT) {
      this.bytes += piece.end - piece.start;
      setAt(this.config, cut, piece.value());
    }
  }

  /** Runs the run's rule packs on the configuration kept (unless it outgrew the limit); each finding joins the run's. */
  runRules(run: AuditRun): void {
    const packs = run.opts.packs;
    if (!packs?.length || this.bytes > CONFIG_LIMIT) return;
    const { findings, pool } = run;
    // A hand-written *.tf.json is one file of a module: only the rules that judge any configuration run on it.
    const rules = this.cdktfOutput ? packs : anyConfigurationRules(packs);
    for (const f of runRulePacks(new ConfigDocument(this.config, run.opts.facts, run.opts.shapes), rules)) {
      keepStronger(findings, compactFromFingerprint(f.ruleId, f.pointer, pool.intern(f.address), pool.intern(f.attribute), f.fingerprint, MessageKind.Rule, f.message));
    }
  }
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
