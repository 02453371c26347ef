// Facts of the widely used providers other than aws (azurerm, google, kubernetes, tls, vault...), read from their Go
// source by scripts/provider-facts-from-source.js: the extractor reads each way providers register their types,
// the shipped facts say what the sources say, and an audit of a file WITHOUT Terraform's marks finds a value in
// such an attribute (SG102), while a plan WITH marks keeps reporting it as marked.
import * as fs from "node:fs";
import * as path from "node:path";
import { ProviderFacts, SchemaKind } from "../guard/provider-facts";
import shipped from "../guard/schemas/provider-facts.json";
import fromSource from "../schemas/providers-from-source.facts.json";
import { runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { fake, fakePassword, BASE64 } from "../guard/detectors/families/sample-values";
import { tempDirsRemovedAfterAll } from "./support/terraform-runner";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extract } = require("../scripts/provider-facts-from-source.js");

const tempDir = tempDirsRemovedAfterAll();

describe("provider-facts-from-source reads each way providers register types", () => {
  // A small Go tree with one type per registration style, each with one sensitive and one plain attribute.
  const GO: Record<string, string> = {
    // SDKv2 provider: ResourcesMap / DataSourcesMap, the provider block's own schema, nested blocks
    "internal/provider/provider.go": `package provider
func Provider() *schema.Provider {
	return &schema.Provider{
		Schema: map[string]*schema.Schema{
			"client_secret": {Type: schema.TypeString, Optional: true, Sensitive: true},
			"region":        {Type: schema.TypeString, Optional: true},
		},
		ResourcesMap: map[string]*schema.Resource{
			"acme_server": resourceServer(),
			names.Widget:  resourceWidget(),
		},
		DataSourcesMap: map[string]*schema.Resource{
			"acme_server": dataSourceServer(),
		},
	}
}
func resourceServer() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			"name":           {Type: schema.TypeString, Required: true},
			"admin_password": {Type: schema.TypeString, Optional: true, Sensitive: true},
			"profile": {
				Type: schema.TypeList, Optional: true,
				Elem: &schema.Resource{Schema: map[string]*schema.Schema{
					"secret": {Type: schema.TypeString, Optional: true, Sensitive: computeFlag()},
					"token":  {Type: schema.TypeString, Optional: true, Sensitive: true},
				}},
			},
		},
	}
}
func resourceWidget() *schema.Resource {
	return &schema.Resource{Schema: map[string]*schema.Schema{
		"api_key": {Type: schema.TypeString, Optional: true, Sensitive: true},
	}}
}
func dataSourceServer() *schema.Resource {
	return &schema.Resource{Schema: map[string]*schema.Schema{
		"connection_string": {Type: schema.TypeString, Computed: true, Sensitive: true},
	}}
}
`,
    // okta: map keys are constants holding the type names
    "internal/names/names.go": `package names
const (
	Widget = "acme_widget"
	Other  = "not_a_type"
)
`,
    // azurerm: a registration's SupportedResources() map and a typed resource
    "internal/services/vault/registration.go": `package vault
func (r Registration) SupportedDataSources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{}
}
func (r Registration) SupportedResources() map[string]*pluginsdk.Resource {
	return map[string]*pluginsdk.Resource{
		"acme_vault": resourceVault(),
	}
}
func (r Registration) DataSources() []sdk.DataSource {
	return []sdk.DataSource{VaultKeyLookup{}}
}
func resourceVault() *pluginsdk.Resource {
	return &pluginsdk.Resource{Schema: map[string]*pluginsdk.Schema{
		"primary_key": {Type: pluginsdk.TypeString, Computed: true, Sensitive: true},
	}}
}
type VaultKeyLookup struct{}
func (VaultKeyLookup) ResourceType() string { return "acme_vault_key" }
func (VaultKeyLookup) Arguments() map[string]*pluginsdk.Schema {
	return map[string]*pluginsdk.Schema{"name": {Type: pluginsdk.TypeString, Required: true}}
}
func (VaultKeyLookup) Attributes() map[string]*pluginsdk.Schema {
	return map[string]*pluginsdk.Schema{"key_value": {Type: pluginsdk.TypeString, Computed: true, Sensitive: true}}
}
`,
    // Plugin Framework: Metadata adds a suffix to the provider's type name; the schema comes from a function
    "internal/framework/key.go": `package framework
func NewKeyResource() resource.Resource { return &keyResource{} }
type keyResource struct{}
func (r *keyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_key"
}
func (r *keyResource) Schema(_ context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = keySchema()
}
func keySchema() schema.Schema {
	return schema.Schema{
		Attributes: map[string]schema.Attribute{
			"algorithm": schema.StringAttribute{Required: true},
			"pem":       schema.StringAttribute{Computed: true, Sensitive: true},
			"seed_wo":   schema.StringAttribute{Optional: true, WriteOnly: true},
		},
		Blocks: map[string]schema.Block{
			"wrap": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{
				"passphrase": schema.StringAttribute{Optional: true, Sensitive: true},
			}},
		},
	}
}
`,
    // google: registry.Schema{...}.Register() in an init function
    "internal/services/sql/user.go": `package sql
func init() {
	registry.Schema{
		Name:        "acme_sql_user",
		ProductName: "sql",
		Type:        registry.SchemaTypeResource,
		Schema:      ResourceSqlUser(),
	}.Register()
}
func ResourceSqlUser() *schema.Resource {
	return &schema.Resource{Schema: map[string]*schema.Schema{
		"password": {Type: schema.TypeString, Optional: true, Sensitive: true},
	}}
}
func init() {
	registry.Schema{Name: "acme_sql_user", Type: registry.SchemaTypeDataSource, Schema: DataSourceSqlUser()}.Register()
}
// a data source built from the resource's schema by code, through a local
func DataSourceSqlUser() *schema.Resource {
	dsSchema := tpgresource.DatasourceSchemaFromResourceSchema(ResourceSqlUser().Schema)
	tpgresource.AddRequiredFieldsToSchema(dsSchema, "name")
	return &schema.Resource{Read: dataSourceSqlUserRead, Schema: dsSchema}
}
`,
    "internal/tpgresource/datasource_helpers.go": `package tpgresource
func DatasourceSchemaFromResourceSchema(rs map[string]*schema.Schema) map[string]*schema.Schema {
	ds := make(map[string]*schema.Schema, len(rs))
	for k, v := range rs {
		ds[k] = v
	}
	return ds
}
`,
    // vault: a registry map whose values hold the resource
    "internal/registry/registry.go": `package registry
var ResourceRegistry = map[string]*Description{
	"acme_generic_secret": {
		Resource:      UpdateSchemaResource(genericSecretResource("acme_generic_secret")),
		PathInventory: []string{"/secret"},
	},
}
// a local set from a helper, then one of its fields assigned (which is not the local's definition)
func genericSecretResource(name string) *schema.Resource {
	r := provider.MustAddMountMigrationSchema(&schema.Resource{Schema: map[string]*schema.Schema{
		"data_json": {Type: schema.TypeString, Required: true, Sensitive: true},
		"path":      {Type: schema.TypeString, Required: true},
	}}, false)
	r.StateUpgraders = []schema.StateUpgrader{{Version: 0, Upgrade: upgradeV0}}
	return r
}
`,
    "internal/provider/schema_util.go": `package provider
func MustAddMountMigrationSchema(r *schema.Resource, custom bool) *schema.Resource {
	if !custom {
		r.StateUpgraders = []schema.StateUpgrader{{Version: 0, Upgrade: mountUpgradeV0}}
	}
	return r
}
`,
    // a test file is never read
    "internal/provider/provider_test.go": `package provider
var testResources = map[string]*schema.Resource{"acme_test_only": resourceServer()}
`,
  };

  let facts: any;
  let types: string[];
  beforeAll(() => {
    const dir = tempDir("sg-facts-src-");
    for (const [file, text] of Object.entries(GO)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    ({ facts, types } = extract(dir, "acme"));
  });

  test("SDKv2 ResourcesMap and DataSourcesMap, nested blocks as dot paths, only a literal true", () => {
    expect(facts.resources.acme_server).toEqual({ sensitive: ["admin_password", "profile.token"] });
    expect(facts.data_sources.acme_server).toEqual({ sensitive: ["connection_string"] });
  });

  test("a map keyed by constants that hold type names", () => {
    expect(facts.resources.acme_widget).toEqual({ sensitive: ["api_key"] });
  });

  test("the provider block's own schema", () => {
    expect(facts.provider).toEqual({ sensitive: ["client_secret"] });
  });

  test("azurerm's registration map and typed data source", () => {
    expect(facts.resources.acme_vault).toEqual({ sensitive: ["primary_key"] });
    expect(facts.data_sources.acme_vault_key).toEqual({ sensitive: ["key_value"] });
    expect(facts.resources.acme_vault_key).toBeUndefined();
  });

  test("a Framework type named by its Metadata, schema from a function, write-only and nested blocks", () => {
    expect(facts.resources.acme_key).toEqual({ sensitive: ["pem", "wrap.passphrase"], writeOnly: ["seed_wo"] });
  });

  test("google's registry.Schema and vault's registry map, through helpers and locals", () => {
    expect(facts.resources.acme_sql_user).toEqual({ sensitive: ["password"] });
    expect(facts.data_sources.acme_sql_user).toEqual({ sensitive: ["password"] });
    expect(facts.resources.acme_generic_secret).toEqual({ sensitive: ["data_json"] });
  });

  test("test files are not read; every registered type is listed once", () => {
    expect(types).not.toContain("resources:acme_test_only");
    expect(types).toEqual(
      [
        "data_sources:acme_server",
        "data_sources:acme_sql_user",
        "data_sources:acme_vault_key",
        "resources:acme_generic_secret",
        "resources:acme_key",
        "resources:acme_server",
        "resources:acme_sql_user",
        "resources:acme_widget",
        "resources:acme_vault",
      ].sort(),
    );
  });
});

describe("shipped facts of the providers read from source", () => {
  const facts = ProviderFacts.shipped();
  const has = (kind: SchemaKind, type: string, p: string, writeOnly = false) =>
    [kind, type, p, (writeOnly ? facts.of(kind, type).writeOnly : facts.of(kind, type).sensitive).has(p)];

  // One resource per provider, as its Go source at the recorded commit marks it (checked by reading the source).
  const cases: Array<[SchemaKind, string, string, boolean]> = [
    ["resources", "azurerm_sql_server", "administrator_login_password", false], // only in azurerm 3.x (v3.117.1)
    ["resources", "azurerm_key_vault_secret", "value", false],
    ["resources", "azurerm_key_vault_secret", "value_wo", true],
    ["resources", "azurerm_kubernetes_cluster", "kube_config_raw", false],
    ["resources", "azurerm_storage_account", "primary_connection_string", false],
    ["resources", "azuread_application_password", "value", false],
    ["resources", "google_sql_user", "password", false],
    ["resources", "google_sql_user", "password_wo", true],
    ["resources", "google_service_account_key", "private_key", false],
    ["resources", "kubernetes_secret", "data", false],
    ["resources", "kubernetes_secret_v1", "binary_data", false],
    ["resources", "helm_release", "set_sensitive.value", false],
    ["resources", "tls_private_key", "private_key_pem", false],
    ["ephemeral_resources", "tls_private_key", "private_key_openssh", false],
    ["resources", "local_sensitive_file", "content", false],
    ["resources", "vault_generic_secret", "data_json", false],
    ["resources", "tfe_team_token", "token", false],
    ["resources", "nomad_acl_token", "secret_id", false],
    ["resources", "github_actions_secret", "plaintext_value", false],
    ["resources", "datadog_api_key", "key", false],
    ["resources", "cloudflare_api_token", "value", false],
    ["resources", "mongodbatlas_database_user", "password", false],
    ["resources", "snowflake_user", "password", false],
    ["provider", "consul", "token", false],
    ["provider", "datadog", "api_key", false],
    ["provider", "cloudflare", "api_token", false],
  ];
  test.each(cases)("%s %s: %s", (kind, type, p, writeOnly) => {
    expect(has(kind, type, p, writeOnly)).toEqual([kind, type, p, true]);
  });

  test("attributes the sources do not mark stay unmarked", () => {
    expect(has("resources", "azurerm_sql_server", "administrator_login")).toEqual(["resources", "azurerm_sql_server", "administrator_login", false]);
    expect(has("resources", "google_sql_user", "name")).toEqual(["resources", "google_sql_user", "name", false]);
    expect(has("resources", "tls_private_key", "public_key_pem")).toEqual(["resources", "tls_private_key", "public_key_pem", false]);
  });

  test("google and google-beta share type names: their facts are united, not replaced", () => {
    const src = fromSource as any;
    const ga = src["registry.terraform.io/hashicorp/google"].resources.google_sql_user.sensitive;
    const beta = src["registry.terraform.io/hashicorp/google-beta"].resources.google_sql_user.sensitive;
    for (const p of [...ga, ...beta]) expect(has("resources", "google_sql_user", p)).toEqual(["resources", "google_sql_user", p, true]);
  });

  test("every path of schemas/providers-from-source.facts.json is shipped, with where it comes from", () => {
    let n = 0;
    for (const [source, p] of Object.entries(fromSource as Record<string, any>)) {
      const entry = (shipped as any)[source];
      expect([source, entry?.commit, entry?.from]).toEqual([source, p.commit, "schemas/providers-from-source.facts.json"]);
      expect(p.about).toMatch(/Go source/);
      for (const kind of ["resources", "data_sources", "ephemeral_resources"] as const) {
        for (const [type, b] of Object.entries(p[kind] as Record<string, { sensitive?: string[]; writeOnly?: string[] }>)) {
          for (const x of b.sensitive ?? []) (n++, expect(has(kind, type, x)).toEqual([kind, type, x, true]));
          for (const x of b.writeOnly ?? []) (n++, expect(has(kind, type, x, true)).toEqual([kind, type, x, true]));
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});

describe("audit of files without Terraform's marks (SG102) and with them", () => {
  const sqlPassword = fakePassword(4101, 24);
  const userPassword = fakePassword(4102, 22);
  const secretData = fake(BASE64, 40, 4103);
  const pem = ["-----BEGIN RSA " + "PRIVATE KEY-----", ...[0, 1, 2, 3].map((i) => fake(BASE64, 64, 4110 + i)), "-----END RSA " + "PRIVATE KEY-----", ""].join("\n");
  const planted = [sqlPassword, userPassword, secretData, pem];

  const instance = (type: string, provider: string, attributes: object, sensitive: string[][] = []) => ({
    mode: "managed",
    type,
    name: "main",
    provider: `provider["registry.terraform.io/hashicorp/${provider}"]`,
    instances: [{ schema_version: 0, attributes, sensitive_attributes: sensitive.map((p) => p.map((value) => ({ type: "get_attr", value }))) }],
  });
  const unmarkedState = (terraformVersion: string) => ({
    version: 4,
    terraform_version: terraformVersion,
    serial: 3,
    lineage: "6a1e0f52-3c4d-4b7e-9f10-2d3c4b5a6e7f",
    outputs: {},
    resources: [
      instance("azurerm_sql_server", "azurerm", { id: "/subscriptions/x/sqlServers/main", name: "main", administrator_login: "sqladmin", administrator_login_password: sqlPassword }),
      instance("google_sql_user", "google", { id: "app//db", name: "app", instance: "db", password: userPassword }),
      instance("kubernetes_secret", "kubernetes", { id: "default/app", data: { api_key: secretData }, type: "Opaque" }),
      instance("tls_private_key", "tls", { id: "abc", algorithm: "RSA", private_key_pem: pem, public_key_pem: "" }),
    ],
    check_results: null,
  });
  const EXPECTED = [
    "/resources/0/instances/0/attributes/administrator_login_password",
    "/resources/1/instances/0/attributes/password",
    "/resources/2/instances/0/attributes/data/api_key",
    "/resources/3/instances/0/attributes/private_key_pem",
  ];

  function audit(doc: object) {
    const file = path.join(tempDir("sg-facts-audit-"), "terraform.tfstate");
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = runCli(["audit", "--format", "json", "--fail-on", "error", file]);
    expectNoLeaks(planted, { stdout: r.stdout, stderr: r.stderr });
    return { code: r.code, findings: JSON.parse(r.stdout).findings as Array<{ ruleId: string; pointer: string; markedSensitive: boolean }> };
  }

  test.each(["0.14.11", "1.5.7"])("a state written by Terraform %s (no provider-sensitive marks): SG102 on each", (v) => {
    const { code, findings } = audit(unmarkedState(v));
    const sg102 = findings.filter((f) => f.ruleId === "SG102").map((f) => f.pointer).sort();
    expect(sg102).toEqual(EXPECTED);
    for (const f of findings.filter((x) => x.ruleId === "SG102")) expect(f.markedSensitive).toBe(false);
    expect(code).toBe(1);
  });

  test("a plan whose values Terraform marked: reported as marked, never as SG102", () => {
    const after = {
      azurerm: { name: "main", administrator_login: "sqladmin", administrator_login_password: sqlPassword },
      google: { name: "app", instance: "db", password: userPassword },
    };
    const plan = {
      format_version: "1.2",
      terraform_version: "1.11.4",
      planned_values: { root_module: {} },
      resource_changes: [
        {
          address: "azurerm_sql_server.main",
          mode: "managed",
          type: "azurerm_sql_server",
          name: "main",
          provider_name: "registry.terraform.io/hashicorp/azurerm",
          change: { actions: ["create"], before: null, after: after.azurerm, after_unknown: {}, before_sensitive: false, after_sensitive: { administrator_login_password: true } },
        },
        {
          address: "google_sql_user.main",
          mode: "managed",
          type: "google_sql_user",
          name: "main",
          provider_name: "registry.terraform.io/hashicorp/google",
          change: { actions: ["create"], before: null, after: after.google, after_unknown: {}, before_sensitive: false, after_sensitive: { password: true } },
        },
      ],
    };
    const { findings } = audit(plan);
    expect(findings.filter((f) => f.ruleId === "SG102")).toEqual([]);
    const marked = findings.filter((f) => f.markedSensitive).map((f) => f.pointer).sort();
    expect(marked).toEqual(["/resource_changes/0/change/after/administrator_login_password", "/resource_changes/1/change/after/password"]);
  });
});
