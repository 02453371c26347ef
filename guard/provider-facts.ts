import shippedFacts from "./schemas/provider-facts.json";

/** Sensitive and write-only attribute paths ("a.b.c", nested blocks joined with dots) of one schema block. */
export interface BlockFacts {
  readonly sensitive: ReadonlySet<string>;
  readonly writeOnly: ReadonlySet<string>;
}

export type SchemaKind = "provider" | "resources" | "data_sources" | "ephemeral_resources";

export interface RawBlock {
  sensitive?: string[];
  writeOnly?: string[];
}
export interface RawProvider {
  version?: string;
  provider?: RawBlock;
  resources?: Record<string, RawBlock>;
  data_sources?: Record<string, RawBlock>;
  ephemeral_resources?: Record<string, RawBlock>;
}

const EMPTY: BlockFacts = { sensitive: new Set(), writeOnly: new Set() };

/**
 * What the guard knows of provider schemas: shipped facts for genesyscloud, random, aws and the widely used
 * providers read from their source (azurerm, google, kubernetes, tls, vault...; built by scripts/provider-facts.js),
 * plus any `terraform providers schema -json` file the user passes.
 */
export class ProviderFacts {
  /** Facts by kind, then type (two lookups, no key built per call: `of` runs for every piece of a file). */
  private readonly byType = new Map<string, Map<string, BlockFacts>>();
  private readonly providers = new Map<string, BlockFacts>();

  static shipped(): ProviderFacts {
    return new ProviderFacts().addFacts(shippedFacts as unknown as Record<string, RawProvider>);
  }

  /** Adds facts in the shipped compact format ({ "<provider source>": { resources: {...}, ... } }). */
  addFacts(raw: Record<string, RawProvider>): this {
    for (const [source, p] of Object.entries(raw)) {
      const short = source.split("/").pop()!;
      if (p.provider) this.providers.set(short, union(this.providers.get(short), toFacts(p.provider)));
      // Two providers may share type names (google and google-beta): a path sensitive in either is sensitive.
      for (const kind of ["resources", "data_sources", "ephemeral_resources"] as const) {
        const types = this.typesOf(kind);
        for (const [type, b] of Object.entries(p[kind] ?? {})) types.set(type, union(types.get(type), toFacts(b)));
      }
    }
    return this;
  }

  /** Adds everything another set of facts knows (user facts add to the shipped ones, never replace them). */
  addFrom(other: ProviderFacts): this {
    for (const [k, v] of other.providers) this.providers.set(k, union(this.providers.get(k), v));
    for (const [kind, types] of other.byType) {
      const mine = this.typesOf(kind);
      for (const [type, v] of types) mine.set(type, union(mine.get(type), v));
    }
    return this;
  }

  /** Adds a full `terraform providers schema -json` document. */
  addProviderSchemaJson(doc: { provider_schemas?: Record<string, any> }): this {
    const raw: Record<string, RawProvider> = {};
    for (const [source, s] of Object.entries(doc.provider_schemas ?? {})) {
      const pick = (m: Record<string, any> | undefined) =>
        Object.fromEntries(Object.entries(m ?? {}).map(([t, v]) => [t, walk(v.block)]));
      raw[source] = {
        provider: s.provider ? walk(s.provider.block) : undefined,
        resources: pick(s.resource_schemas),
        data_sources: pick(s.data_source_schemas),
        ephemeral_resources: pick(s.ephemeral_resource_schemas),
      };
    }
    return this.addFacts(raw);
  }

  /** Facts for a resource/data source/ephemeral resource type, or for a provider (by local name, e.g. "aws"). */
  of(kind: SchemaKind, type: string): BlockFacts {
    if (kind === "provider") return this.providers.get(type) ?? EMPTY;
    return this.byType.get(kind)?.get(type) ?? EMPTY;
  }

  /** True when the type is known at all (so "no sensitive attributes" is a fact, not ignorance). */
  knows(kind: SchemaKind, type: string): boolean {
    return kind === "provider" ? this.providers.has(type) : this.byType.get(kind)?.has(type) === true;
  }

  private typesOf(kind: string): Map<string, BlockFacts> {
    let types = this.byType.get(kind);
    if (!types) this.byType.set(kind, (types = new Map()));
    return types;
  }

  /**
   * The write-only twin of an argument (`secret_string` -> `secret_string_wo`), when the schema has one.
   */
  writeOnlyTwin(kind: SchemaKind, type: string, attribute: string): string | undefined {
    const twin = `${attribute}_wo`;
    return this.of(kind, type).writeOnly.has(twin) ? twin : undefined;
  }
}

function union(a: BlockFacts | undefined, b: BlockFacts): BlockFacts {
  if (!a) return b;
  return { sensitive: new Set([...a.sensitive, ...b.sensitive]), writeOnly: new Set([...a.writeOnly, ...b.writeOnly]) };
}

function toFacts(b: RawBlock): BlockFacts {
  return { sensitive: new Set(b.sensitive ?? []), writeOnly: new Set(b.writeOnly ?? []) };
}

function walk(block: any, prefix = "", acc: Required<RawBlock> = { sensitive: [], writeOnly: [] }): Required<RawBlock> {
  for (const [name, a] of Object.entries<any>(block?.attributes ?? {})) {
    if (a.sensitive) acc.sensitive.push(prefix + name);
    if (a.write_only) acc.writeOnly.push(prefix + name);
    if (a.nested_type) walk(a.nested_type, `${prefix}${name}.`, acc);
  }
  for (const [name, bt] of Object.entries<any>(block?.block_types ?? {})) walk(bt.block, `${prefix}${name}.`, acc);
  return acc;
}
