// Writes the audit inputs: an indented v4 state and a one-line plan JSON (`terraform show -json` shape) of
// about a target size, streamed to disk. Returns the JSON pointers of every planted secret (and of the
// non-secret values inside marked attributes), so the bench knows exactly which findings to expect.
// Never prints a value.
"use strict";
const fs = require("node:fs");
const { resource, CYCLE } = require("./terraform-resources");

/** Buffered writes: one syscall per ~1 MB. */
function writer(file) {
  const fd = fs.openSync(file, "w");
  let buf = [];
  let size = 0;
  let total = 0;
  const flush = () => {
    if (buf.length) fs.writeSync(fd, buf.join(""));
    buf = [];
    size = 0;
  };
  return {
    write(s) {
      buf.push(s);
      size += s.length;
      total += s.length;
      if (size >= 1 << 20) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
      return total;
    },
  };
}

const escape = (step) => String(step).replace(/~/g, "~0").replace(/\//g, "~1");
const pointer = (base, steps) => base + "/" + steps.map(escape).join("/");
const providerName = (p) => p.replace(/^provider\["|"\]$/g, "");

/** State v4, indented like Terraform writes it. */
function writeState(file, targetBytes) {
  const w = writer(file);
  const planted = [];
  const alsoMarked = [];
  w.write(`{\n  "version": 4,\n  "terraform_version": "1.11.4",\n  "serial": 42,\n  "lineage": "0f5d3a2e-1111-2222-3333-444455556666",\n  "outputs": {},\n  "resources": [\n`);
  let written = 0;
  let i = 0;
  for (; written < targetBytes || i % CYCLE !== 0; i++) {
    const r = resource(i);
    const body = {
      mode: "managed",
      type: r.type,
      name: r.name,
      provider: r.provider,
      instances: [
        {
          schema_version: 0,
          attributes: r.attributes,
          sensitive_attributes: r.sensitive.map((a) => [{ type: "get_attr", value: a }]),
          private: "eyJzY2hlbWFfdmVyc2lvbiI6IjAifQ==",
        },
      ],
    };
    const text = (i === 0 ? "    " : ",\n    ") + JSON.stringify(body, null, 2).replace(/\n/g, "\n    ");
    w.write(text);
    written += text.length;
    for (const p of r.planted) planted.push(pointer(`/resources/${i}/instances/0/attributes`, p));
    for (const p of r.alsoMarked || []) alsoMarked.push(pointer(`/resources/${i}/instances/0/attributes`, p));
  }
  w.write(`\n  ],\n  "check_results": null\n}\n`);
  return { bytes: w.close(), resources: i, planted, alsoMarked };
}

/** `sensitive_values` as Terraform writes it: true for marked attributes, containers mirrored, plain leaves left out. */
function sensitiveValues(values, marked) {
  const mirror = (v) => {
    if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === "object" ? mirror(x) : false));
    if (v !== null && typeof v === "object") {
      const o = {};
      for (const [k, x] of Object.entries(v)) if (x !== null && typeof x === "object") o[k] = mirror(x);
      return o;
    }
    return false;
  };
  const out = {};
  for (const [k, v] of Object.entries(values)) {
    if (marked.includes(k)) out[k] = true;
    else if (v !== null && typeof v === "object") out[k] = mirror(v);
  }
  return out;
}

/** The per-resource entries of each plan section. */
function planEntries(i) {
  const r = resource(i);
  const address = `${r.type}.${r.name}`;
  const head = { address, mode: "managed", type: r.type, name: r.name, provider_name: providerName(r.provider) };
  const sv = sensitiveValues(r.attributes, r.sensitive);
  return {
    r,
    planned: { ...head, schema_version: 0, values: r.attributes, sensitive_values: sv },
    change: { ...head, change: { actions: ["no-op"], before: r.attributes, after: r.attributes, after_unknown: {}, before_sensitive: sv, after_sensitive: sv } },
    prior: { ...head, schema_version: 0, values: r.attributes, sensitive_values: sv },
    config: {
      address, mode: "managed", type: r.type, name: r.name,
      provider_config_key: r.type.split("_")[0],
      expressions: { tags: { constant_value: { Owner: "platform" } } },
      schema_version: 0,
    },
  };
}

/**
 * Plan JSON on one line, like `terraform show -json`: each resource in four sections, secrets in clear in three.
 * One pass: planned_values go straight to the file, the other sections to side files appended at the end.
 */
function writePlan(file, targetBytes) {
  // Size one resource across all sections from a sample, then pick the count (whole cycles).
  let sample = 0;
  const SAMPLE = CYCLE * 4;
  for (let i = 0; i < SAMPLE; i++) {
    const e = planEntries(i);
    sample += JSON.stringify(e.planned).length + JSON.stringify(e.change).length + JSON.stringify(e.prior).length + JSON.stringify(e.config).length + 4;
  }
  const n = Math.max(CYCLE, Math.ceil(targetBytes / (sample / SAMPLE) / CYCLE) * CYCLE);

  const main = writer(file);
  const side = ["changes", "prior", "config"].map((s) => `${file}.${s}.part`);
  const [changes, prior, config] = side.map(writer);
  const planted = [];
  const alsoMarked = [];
  main.write(`{"format_version":"1.2","terraform_version":"1.11.4","variables":{"region":{"value":"us-east-1"}},"planned_values":{"outputs":{},"root_module":{"resources":[`);
  changes.write(`]}},"resource_changes":[`);
  prior.write(`],"output_changes":{},"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{"outputs":{},"root_module":{"resources":[`);
  config.write(`]}}},"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"constant_value":"us-east-1"}}}},"root_module":{"resources":[`);
  for (let i = 0; i < n; i++) {
    const e = planEntries(i);
    const sep = i ? "," : "";
    main.write(sep + JSON.stringify(e.planned));
    changes.write(sep + JSON.stringify(e.change));
    prior.write(sep + JSON.stringify(e.prior));
    config.write(sep + JSON.stringify(e.config));
    const bases = [
      `/planned_values/root_module/resources/${i}/values`,
      `/resource_changes/${i}/change/before`,
      `/resource_changes/${i}/change/after`,
      `/prior_state/values/root_module/resources/${i}/values`,
    ];
    for (const b of bases) {
      for (const p of e.r.planted) planted.push(pointer(b, p));
      for (const p of e.r.alsoMarked || []) alsoMarked.push(pointer(b, p));
    }
  }
  config.write(`]}},"relevant_attributes":[],"timestamp":"2025-11-25T20:00:00Z","applyable":false,"complete":true,"errored":false}\n`);
  let bytes = main.close();
  for (const [k, w] of [changes, prior, config].entries()) {
    bytes += w.close();
    appendFile(file, side[k]);
  }
  return { bytes, resources: n, planted, alsoMarked };
}

/** Appends `part` to `file` in 8 MB chunks, then deletes `part`. */
function appendFile(file, part) {
  const out = fs.openSync(file, "a");
  const inp = fs.openSync(part, "r");
  const buf = Buffer.allocUnsafe(8 << 20);
  for (let n; (n = fs.readSync(inp, buf, 0, buf.length, null)) > 0; ) fs.writeSync(out, buf, 0, n);
  fs.closeSync(inp);
  fs.closeSync(out);
  fs.rmSync(part);
}

module.exports = { writeState, writePlan };
