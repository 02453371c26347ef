/**
 * PEM (and PGP armoured) private keys. A header alone is NOT reported: without a key body (a run of at least
 * 40 base64 characters before the END line) it is a placeholder, a redaction or a truncated value, not a key.
 */
import type { Detector } from "../detector";
import { BASE64, fake } from "./sample-values";

const DASHES = "-----";
function armour(label: string, body: string, headers = ""): string {
  return `${DASHES}BEGIN ${label}${DASHES}\n${headers}${body}\n${DASHES}END ${label}${DASHES}\n`;
}
function body(seed: number, lines = 4): string {
  return Array.from({ length: lines }, (_, i) => fake(BASE64, 64, seed * 10 + i)).join("\n");
}

export const PRIVATE_KEY: Detector = {
  id: "SG123",
  name: "private-key",
  title: "a PEM private key",
  severity: "error",
  explanation: "A PEM private key in clear (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8 or a PGP private key block).",
  fix: "Generate and keep private keys outside Terraform (or in a secrets manager via write-only arguments); rotate the key.",
  keywords: [DASHES + "BEGIN "],
  pattern: "-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----",
  check: "pem-body",
  samples: {
    positive: [
      { key: "private_key_pem", value: armour("RSA " + "PRIVATE KEY", body(1)) },
      { key: "key", value: armour("OPENSSH " + "PRIVATE KEY", body(2)) },
      { key: "key", value: armour("ENCRYPTED " + "PRIVATE KEY", body(3)) },
      { key: "k", value: armour("PGP " + "PRIVATE KEY BLOCK", body(4), "Version: Fake 1.0\n\n") },
      { key: "k", value: armour("EC " + "PRIVATE KEY", body(5), "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00AA\n\n") },
    ],
    negative: [
      { key: "private_key_pem", value: armour("RSA " + "PRIVATE KEY", "") },
      { key: "private_key_pem", value: armour("PRIVATE KEY", "...redacted...") },
      { key: "public_key_pem", value: armour("PUBLIC KEY", body(6)) },
      { key: "certificate", value: armour("CERTIFICATE", body(7)) },
    ],
  },
};
