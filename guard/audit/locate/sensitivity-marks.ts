/**
 * Terraform's own sensitivity marks, as tests on a value path ("cty path": attribute names, map keys and list
 * indices, without the JSON wrappers of the file format).
 */
export type CtyStep = string | number;
export type MarkTest = (cty: readonly CtyStep[]) => boolean;

export const NOTHING_MARKED: MarkTest = () => false;
export const ALL_MARKED: MarkTest = () => true;

const WILDCARD = Symbol("any index");
type MarkStep = CtyStep | typeof WILDCARD;

/**
 * State `sensitive_attributes`. Terraform 0.15-1.x writes a list of paths, each a list of steps
 * `{type: "get_attr", value: "name"}` / `{type: "index", value: {value: 0, type: "number"}}`; some writers put
 * the bare key in `value`, or a path object `{path: [...]}`, or a dotted string. Set elements (index by an
 * object) match any index.
 */
export function fromSensitiveAttributes(raw: unknown): MarkTest {
  if (!Array.isArray(raw) || raw.length === 0) return NOTHING_MARKED;
  const paths: MarkStep[][] = [];
  for (const p of raw) {
    const steps = Array.isArray(p) ? p : p && typeof p === "object" ? ((p as any).path ?? (p as any).steps) : p;
    if (typeof steps === "string") paths.push(steps.split("."));
    else if (Array.isArray(steps)) paths.push(steps.map(toStep));
  }
  if (paths.length === 0) return NOTHING_MARKED;
  // A trie of the paths: a test walks the value path once, whatever the number of marks (80,000 marks on one
  // instance must not make every string cost 80,000 comparisons).
  const root: MarkNode = { children: new Map(), end: false };
  for (const p of paths) {
    let node = root;
    for (const step of p) {
      let next = node.children.get(step);
      if (!next) node.children.set(step, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  return (cty) => marked(root, cty, 0);
}

interface MarkNode {
  readonly children: Map<MarkStep, MarkNode>;
  end: boolean;
}

/**
 * Whether a mark path is a prefix of `cty`. The trie is walked with a set of current nodes (a wildcard step
 * matches any step), so crafted marks cannot make the walk branch exponentially.
 */
function marked(root: MarkNode, cty: readonly CtyStep[], _at: number): boolean {
  let current: MarkNode[] = [root];
  for (let i = 0; ; i++) {
    for (const n of current) if (n.end) return true;
    if (i >= cty.length || current.length === 0) return false;
    const next = new Set<MarkNode>();
    for (const n of current) {
      const exact = n.children.get(cty[i]);
      if (exact) next.add(exact);
      const wild = n.children.get(WILDCARD);
      if (wild) next.add(wild);
    }
    current = [...next];
  }
}

function toStep(s: any): MarkStep {
  if (typeof s === "string" || typeof s === "number") return s;
  if (!s || typeof s !== "object") return WILDCARD;
  let v = s.value;
  if (v && typeof v === "object" && "value" in v) v = v.value; // cty-typed index {value, type}
  if (typeof v === "string" || typeof v === "number") return v;
  return WILDCARD;
}

/** Plan `sensitive_values` / `after_sensitive` / `before_sensitive`: `true`, or a mirror of the value with `true` leaves. */
export function fromMirror(mirror: unknown): MarkTest {
  if (mirror === true) return ALL_MARKED;
  if (!hasTrue(mirror)) return NOTHING_MARKED; // most mirrors are {} or hold only empty containers
  return (cty) => {
    let node: any = mirror;
    for (const step of cty) {
      if (node === true) return true;
      if (!node || typeof node !== "object") return false;
      node = node[step];
    }
    return node === true;
  };
}

/** Whether a mirror holds a `true` leaf anywhere; without recursion, so any nesting depth is safe. */
function hasTrue(root: unknown): boolean {
  if (root === true) return true;
  if (!root || typeof root !== "object") return false;
  // Only containers are stacked (most leaves are false or empty), and arrays are walked by index.
  const stack: object[] = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x === true) return true;
        if (x && typeof x === "object") stack.push(x);
      }
    } else {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === true) return true;
        if (x && typeof x === "object") stack.push(x);
      }
    }
  }
  return false;
}
