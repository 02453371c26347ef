// Crafted inputs for the robustness bench: the shapes that once made the audit quadratic, exhaust memory or
// hang (issue: hostile input), and a state where every resource holds its own secret. Values are random-looking
// stand-ins generated here; none is printed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const state = (instances, outputs = {}) => ({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "bench", outputs, resources: [{ mode: "managed", type: "terraform_data", name: "x", provider: 'provider["terraform.io/builtin/terraform"]', instances }] });
const marked = (attrs, marks) => ({ schema_version: 0, attributes: attrs, sensitive_attributes: marks });
const get = (name) => [{ type: "get_attr", value: name }];
const value = (i) => "Zq" + crypto.createHash("sha256").update(String(i)).digest("base64url").slice(0, 22);

/** name -> writer(dir, scale) returning the path to audit; scale 1 is the full size. */
const HOSTILE = {
  "marked map of 8,000 values": (dir, k) => {
    const input = {};
    for (let i = 0; i < 8000 * k; i++) input["k" + i] = value(i);
    return write(dir, "marked-map.tfstate", state([marked({ input: { value: input, type: ["map", "string"] } }, [get("input")])]));
  },
  "20,000 marked values with no 8-character plain run, 20,000 attributes": (dir, k) => {
    const arr = [];
    const attrs = {};
    for (let i = 0; i < 20000 * k; i++) (arr.push('a"b<c>d&' + i.toString(36) + '"x'), (attrs["t" + i] = "v" + i));
    return write(dir, "no-plain-run.tfstate", state([marked({ input: { value: arr, type: ["list", "string"] }, output: { value: attrs, type: ["map", "string"] } }, [get("input")])]));
  },
  "one-line plan of 350,000 elements with different first keys": (dir, k) => {
    const parts = [];
    for (let i = 0; i < 350000 * k; i++) parts.push('{"k' + i + '":1}');
    const f = path.join(dir, "first-keys.plan.json");
    fs.writeFileSync(f, '{"format_version":"1.2","resource_changes":[' + parts.join(",") + "]}");
    return f;
  },
  "80,000 sensitive_attributes and 80,000 outputs": (dir, k) => {
    const marks = [];
    const outputs = {};
    for (let i = 0; i < 80000 * k; i++) (marks.push(get("a" + i)), (outputs["o" + i] = { value: "v" + i, type: "string", sensitive: i % 2 === 0 }));
    return write(dir, "many-marks.tfstate", state([marked({ input: { value: value(1), type: "string" } }, marks)], outputs));
  },
  "a marked 16-character value repeated through 30 MB of unmarked attributes": (dir, k) => {
    const sec = value(7).slice(0, 16);
    const big = (sec + " ").repeat(Math.floor(1e6 / 17));
    const attrs = {};
    for (let i = 0; i < Math.max(1, Math.round(30 * k)); i++) attrs["big" + i] = big;
    return write(dir, "repeated-secret.tfstate", state([marked({ input: { value: sec, type: "string" }, output: { value: attrs, type: ["map", "string"] } }, [get("input")])]));
  },
  "URL-credentials near miss: 1 MB of 'a.' then '://@'": (dir, k) => writeValue(dir, "url-near-miss.tfstate", "a.".repeat(Math.floor(5e5 * k)) + "://@"),
  "placeholder near miss: 'a://b:' + 1 MB of '<' + '@'": (dir, k) => writeValue(dir, "placeholder-near-miss.tfstate", "a://b:" + "<".repeat(Math.floor(1e6 * k)) + "@"),
  "JWT near miss: 'eyJ' + 10 MB of 'a'": (dir, k) => writeValue(dir, "jwt-near-miss.tfstate", "eyJ" + "a".repeat(Math.floor(1e7 * k))),
  "a folder of 5,000 small states": (dir, k) => {
    const sub = path.join(dir, "many-states");
    fs.mkdirSync(sub);
    const text = JSON.stringify(state([marked({ input: { value: value(3), type: "string" }, output: null }, [get("input")])]), null, 2);
    for (let i = 0; i < Math.max(2, Math.round(5000 * k)); i++) fs.writeFileSync(path.join(sub, `s${i}.tfstate`), text);
    return sub;
  },
};

function write(dir, name, doc) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, JSON.stringify(doc));
  return f;
}

function writeValue(dir, name, v) {
  return write(dir, name, state([marked({ input: { value: { note: v }, type: ["object", { note: "string" }] } }, [])]));
}

/**
 * An indented state of about `targetBytes` where every resource is a secret version with its own secret
 * (marked, as Terraform writes it), streamed to disk. Returns how many resources (= secrets) it holds.
 */
function writeDenseState(file, targetBytes) {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{\n  "version": 4,\n  "terraform_version": "1.11.4",\n  "serial": 3,\n  "lineage": "dense",\n  "outputs": {},\n  "resources": [\n`);
  let written = 0;
  let i = 0;
  let batch = "";
  for (; written < targetBytes; i++) {
    const r = {
      mode: "managed",
      type: "aws_secretsmanager_secret_version",
      name: `v${i}`,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{
        schema_version: 0,
        attributes: {
          arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf`,
          id: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf|d6e1b4c2-3f0a-4b7e-9c1d-${String(i).padStart(12, "0")}`,
          secret_id: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf`,
          secret_string: JSON.stringify({ password: value(i) + value(i + 1e9).slice(2, 10), username: "app" }),
          version_id: `d6e1b4c2-3f0a-4b7e-9c1d-${String(i).padStart(12, "0")}`,
          version_stages: ["AWSCURRENT"],
        },
        sensitive_attributes: [get("secret_string")],
      }],
    };
    const text = (i === 0 ? "" : ",\n") + JSON.stringify(r, null, 2).replace(/^/gm, "    ");
    batch += text;
    written += text.length;
    if (batch.length > 1 << 20) (fs.writeSync(fd, batch), (batch = ""));
  }
  fs.writeSync(fd, batch + `\n  ],\n  "check_results": null\n}\n`);
  fs.closeSync(fd);
  return i;
}

module.exports = { HOSTILE, writeDenseState };
