/**
 * The detector catalogue proves itself with its own samples (as gitleaks keeps true/false samples beside each
 * rule), plus a cross-check of look-alikes that must stay quiet across the whole catalogue. Values are never
 * printed: failures name the detector and the sample index only.
 */
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import type { Detector } from "../guard/detectors/detector";
import { isSecretKeyName } from "../guard/detectors/key-names";
import { linearPatternProblem } from "../guard/detectors/linear-pattern";
import { ALNUM, BASE64, BASE64URL, HEX, fake, fakeUuid } from "../guard/detectors/families/sample-values";

const catalogue = DetectorCatalogue.shipped();

/** What fired, by id only (never the secret). */
function firedId(key: string | undefined, value: string): string | undefined {
  return catalogue.detect(key ?? "", value)?.detector.id;
}

describe("every shipped detector against its own samples", () => {
  for (const d of catalogue.all()) {
    describe(`${d.id} ${d.name}`, () => {
      it("has at least three positive and three negative samples", () => {
        expect(d.samples.positive.length).toBeGreaterThanOrEqual(3);
        expect(d.samples.negative.length).toBeGreaterThanOrEqual(3);
      });
      it("reports each positive sample with its own id", () => {
        const got = d.samples.positive.map((s, i) => `${i}:${firedId(s.key, s.value) ?? "none"}`);
        expect(got).toEqual(d.samples.positive.map((_, i) => `${i}:${d.id}`));
      });
      it("reports no negative sample, with any detector", () => {
        const got = d.samples.negative.map((s, i) => `${i}:${firedId(s.key, s.value) ?? "none"}`);
        expect(got).toEqual(d.samples.negative.map((_, i) => `${i}:none`));
      });
      it("has a pattern that passes the linear-time check", () => {
        expect(linearPatternProblem(d.pattern, d.flags ?? "")).toBeUndefined();
        for (const a of d.allow ?? []) expect(linearPatternProblem(a, d.flags ?? "")).toBeUndefined();
      });
      it("has a well-formed record", () => {
        // SG120-SG199 first shipped, SG200-SG299 cloud, infrastructure and identity vendors, SG300-SG399 SaaS,
        // SG400-SG499 vendor formats added for issue 20, SG500-SG519 widened forms of existing families.
        expect(d.id).toMatch(/^SG(?:1[2-9]|[2-4][0-9]|5[01])[0-9]$/);
        expect(d.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(d.title).toMatch(/^(?:a|an) /);
        if (d.keywords.length === 0) expect(d.keys).toBeDefined();
      });
    });
  }

  it("keeps the stable ids of the audit rules", () => {
    const names = Object.fromEntries(catalogue.all().map((d) => [d.id, d.name]));
    expect(names).toMatchObject({
      SG120: "genesys-client-secret",
      SG121: "aws-access-key-id",
      SG122: "aws-secret-access-key",
      SG123: "private-key",
      SG124: "json-web-token",
      SG125: "high-entropy-secret-hint",
      SG126: "password-in-url",
    });
    expect(catalogue.byId("SG125")?.severity).toBe("warning");
  });

  it("returns the secret part, not the whole value", () => {
    const pw = fake(ALNUM, 20, 9001);
    const hit = catalogue.detect("url", "postgresql://app:" + pw + "@db/app");
    expect(hit?.detector.id).toBe("SG126");
    expect(hit?.secret === pw).toBe(true);
  });
});

/** Look-alikes: hashes, ids, digests, public material. Each is quiet under its natural key and under none. */
const DASH5 = "-----";
const LOOK_ALIKES: Array<{ what: string; key: string; value: string }> = [
  { what: "bcrypt $2a$", key: "password", value: "$2a$10$" + fake(ALNUM + "./", 53, 1) },
  { what: "bcrypt $2b$", key: "password_hash", value: "$2b$12$" + fake(ALNUM + "./", 53, 2) },
  { what: "bcrypt $2y$", key: "secret", value: "$2y$10$" + fake(ALNUM + "./", 53, 3) },
  { what: "sha512-crypt", key: "password", value: "$6$" + fake(ALNUM, 16, 4) + "$" + fake(ALNUM + "./", 86, 5) },
  { what: "argon2id", key: "password", value: "$argon2id$v=19$m=65536,t=3,p=4$" + fake(BASE64, 22, 6) + "$" + fake(BASE64, 43, 7) },
  { what: "scrypt", key: "password", value: "$scrypt$ln=16,r=8,p=1$" + fake(BASE64, 22, 8) + "$" + fake(BASE64, 43, 9) },
  { what: "scrypt $7$", key: "password", value: "$7$C6..../....$" + fake(ALNUM + "./", 43, 10) },
  { what: "credential clientId", key: "clientId", value: fakeUuid(11) },
  { what: "uuid", key: "token", value: fakeUuid(12) },
  { what: "sha1", key: "secret", value: fake(HEX, 40, 13) },
  { what: "sha256", key: "token", value: fake(HEX, 64, 14) },
  { what: "md5", key: "secret_key", value: fake(HEX, 32, 15) },
  { what: "arn", key: "secret", value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-" + fake(ALNUM, 6, 16) },
  { what: "kms key id", key: "kms_key_id", value: fakeUuid(17) },
  { what: "kms mrk id", key: "secret", value: "mrk-" + fake(HEX, 32, 18) },
  { what: "iam unique id", key: "unique_id", value: "AIDA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17, 19) },
  { what: "etag", key: "etag", value: '"' + fake(HEX, 32, 20) + '"' },
  { what: "s3 multipart etag", key: "etag", value: fake(HEX, 32, 21) + "-12" },
  { what: "git sha", key: "token", value: fake(HEX, 40, 22) },
  { what: "ssh-rsa public key", key: "public_key", value: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + fake(BASE64, 340, 23) + " user@host" },
  { what: "ssh-ed25519 public key", key: "ssh_key", value: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + fake(BASE64, 43, 24) + " ci" },
  { what: "pem public key", key: "public_key_pem", value: `${DASH5}BEGIN PUBLIC KEY${DASH5}\n${fake(BASE64, 64, 25)}\n${fake(BASE64, 64, 26)}\n${DASH5}END PUBLIC KEY${DASH5}\n` },
  { what: "pem certificate", key: "certificate_pem", value: `${DASH5}BEGIN CERTIFICATE${DASH5}\n${fake(BASE64, 64, 27)}\n${fake(BASE64, 64, 28)}\n${DASH5}END CERTIFICATE${DASH5}\n` },
  { what: "ssh fingerprint sha256", key: "fingerprint", value: "SHA256:" + fake(BASE64, 43, 29) },
  { what: "ssh fingerprint md5", key: "secret", value: "MD5:" + Array.from({ length: 16 }, (_, i) => fake(HEX, 2, 30 + i)).join(":") },
  { what: "jwks modulus", key: "jwks", value: JSON.stringify({ keys: [{ kty: "RSA", kid: "k1", n: fake(BASE64URL, 342, 50), e: "AQAB" }] }) },
  { what: "docker image digest", key: "image", value: "registry.example.com/app@sha256:" + fake(HEX, 64, 51) },
  { what: "digest under a token key", key: "token", value: "sha256:" + fake(HEX, 64, 52) },
  { what: "interpolation", key: "password", value: "${random_password.db.result}" },
  { what: "placeholder", key: "password", value: "<your-password>" },
  { what: "xxxx", key: "api_key", value: "xxxxxxxxxxxxxxxxxxxx" },
];

describe("look-alikes are quiet across the whole catalogue", () => {
  it.each(LOOK_ALIKES.map((l) => [l.what, l] as const))("%s", (_what, l) => {
    expect(firedId(l.key, l.value) ?? "none").toBe("none");
    expect(firedId("", l.value) ?? "none").toBe("none");
    expect(firedId("value", l.value) ?? "none").toBe("none");
  });
});

describe("placeholders are whole values only", () => {
  it("judges a real value that merely contains ${ or <...>", () => {
    const pw = fake(ALNUM, 24, 77);
    expect(firedId("password", pw + "${x}")).toBe("SG125");
    expect(firedId("password", "<" + pw + ">")).toBeUndefined();
    expect(firedId("url", "postgresql://app:" + pw + "@db/x?opt=${var.y}")).toBe("SG126");
  });
});

describe("private keys", () => {
  const d5 = "-----";
  const body = [1, 2, 3].map((i) => fake(BASE64, 64, 700 + i)).join("\n");
  const block = `${d5}BEGIN RSA ${"PRIVATE KEY"}${d5}\n${body}\n${d5}END RSA ${"PRIVATE KEY"}${d5}`;
  it("takes the whole block as the secret, not the text around it", () => {
    const hit = catalogue.detect("user_data", "#!/bin/sh\ncat > k.pem <<EOF\n" + block + "\nEOF\n");
    expect(hit?.detector.id).toBe("SG123");
    expect(hit?.secret === block).toBe(true);
  });
  it("does not report a header without a body, even followed by another key's body", () => {
    const headerOnly = `${d5}BEGIN RSA ${"PRIVATE KEY"}${d5}\n${d5}END RSA ${"PRIVATE KEY"}${d5}\n`;
    expect(firedId("k", headerOnly + `${d5}BEGIN CERTIFICATE${d5}\n${body}\n${d5}END CERTIFICATE${d5}\n`)).toBeUndefined();
  });
});

describe("looking inside values", () => {
  const keyId = "AKIA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 88);
  it("unwraps JSON, base64 and text to a bounded depth", () => {
    const inJson = JSON.stringify({ a: { b: [{ c: keyId }] } });
    expect(firedId("policy", inJson)).toBe("SG121");
    expect(firedId("user_data", Buffer.from("#!/bin/sh\necho " + keyId + "\n").toString("base64"))).toBe("SG121");
    const k8sSecret = JSON.stringify({ data: { client_secret: Buffer.from(fake(BASE64URL, 43, 89)).toString("base64") } });
    expect(firedId("manifest", k8sSecret)).toBe("SG120");
    const ini = "[default]\nregion = eu-west-1\naws_secret_access_key = " + fake(BASE64, 40, 90) + "\n";
    expect(firedId("credentials_file", ini)).toBe("SG122");
  });
  it("stops unwrapping after three levels", () => {
    const wrap = (v: string, times: number) => (times === 0 ? v : wrap(Buffer.from(v).toString("base64"), times - 1));
    expect(firedId("x", wrap("id " + keyId, 3))).toBe("SG121");
    expect(firedId("x", wrap("id " + keyId, 4))).toBeUndefined();
  });
  it("detectAll lists every detector that fires, strongest first", () => {
    const v = JSON.stringify({ id: keyId, secret_key: fake(BASE64, 40, 91) });
    expect(catalogue.detectAll("x", v).map((h) => h.detector.id)).toEqual(["SG121", "SG122", "SG125"]);
  });
});

describe("the keyword pass finds a keyword wherever it starts", () => {
  // It reads a bigram at every second character: shifted by one to four characters, a sample must still fire.
  const cases = catalogue
    .all()
    .filter((d) => d.keywords.length > 0)
    .flatMap((d) => d.samples.positive.map((s, i) => ({ d, s, i })).filter(({ s }) => d.keywords.some((k) => s.value.includes(k))));

  it("has samples to shift, from most keyword detectors", () => {
    expect(new Set(cases.map((c) => c.d.id)).size).toBeGreaterThan(20);
  });

  it.each(["", " ", "  ", "x=", "ab: "])("shifted by %j, every such sample fires its own detector", (pad) => {
    const got = cases.map(({ d, s, i }) => `${d.id}#${i}:${firedId(s.key, pad + s.value) ?? "none"}`);
    expect(got).toEqual(cases.map(({ d, i }) => `${d.id}#${i}:${d.id}`));
  });

  it("a user's keyword of two characters (too short for the pass) is always tried", () => {
    const short: Detector = {
      id: "ACME-Q",
      name: "acme-q",
      title: "an Acme q token",
      severity: "error",
      explanation: "Acme q tokens grant access.",
      fix: "Rotate it.",
      keywords: ["q_"],
      pattern: "q_[0-9]{8}",
      samples: { positive: [{ value: "q_40718293" }, { value: "xq_40718293" }], negative: [{ value: "q_4071" }, { value: "nothing here" }] },
    };
    const withShort = DetectorCatalogue.shipped().withDetectors([short]);
    for (const pad of ["", "x", "xy", "xyz"]) expect(withShort.detect("note", pad + "q_" + "40718293")?.detector.id).toBe("ACME-Q");
    expect(withShort.detect("note", "xyz q_4071")).toBeUndefined();
  });
});

describe("encoded values judged clean are remembered per set of detectors, never per value alone", () => {
  // base64 of a Genesys client secret: only the key gate of the outer key makes the decoded text a secret.
  const secret = fake(BASE64URL, 43, 4711);
  const encoded = Buffer.from(secret).toString("base64");

  it("the same value is clean under a plain key and a secret under a secret key, in any order", () => {
    const fresh = DetectorCatalogue.shipped().withDetectors([]);
    expect(fresh.detect("description", encoded)).toBeUndefined();
    expect(fresh.detect("client_secret", encoded)).toBeDefined();
    expect(fresh.detect("description", encoded)).toBeUndefined();
    expect(fresh.detect("client_secret", encoded)).toBeDefined();
  });

  it("a JSON document with a secret is found every time it repeats; a clean one stays clean", () => {
    const fresh = DetectorCatalogue.shipped().withDetectors([]);
    const keyId = "AKIA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 4712);
    const clean = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] });
    for (let k = 0; k < 3; k++) {
      expect(fresh.detect("policy", JSON.stringify({ id: keyId }))?.detector.id).toBe("SG121");
      expect(fresh.detect("policy", clean)).toBeUndefined();
    }
  });
});

describe("isSecretKeyName", () => {
  it.each(["password", "clientSecret", "client-secret", "api_key", "DB_PASSWORD", "apiKey", "x-api-key", "oauthclient_secret", "private_key", "aws.secret_access_key", "authToken", "signing_key", "credentials", "secret_string", "passphrase"])(
    "%s is secret-like",
    (name) => expect(isSecretKeyName(name)).toBe(true),
  );
  it.each(["secret_id", "password_length", "expose_client_secret", "kms_key_id", "token_pool_size", "secretArn", "password_wo_version", "directory_client_secret", "description", "client_id", "secret_version", "token_url", "rotation", "name", "password_hash", ""])(
    "%s is not",
    (name) => expect(isSecretKeyName(name)).toBe(false),
  );
  it("agrees with the catalogue", () => expect(catalogue.isSecretKey("clientSecret")).toBe(true));
});
