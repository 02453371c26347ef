/**
 * The first module the package entry loads: when a peer of this build's engine is missing, one line saying what to
 * install, or which entry to import, instead of Node's "Cannot find module" from deep inside a construct. Which
 * build this is follows from where the file sits: the cdktn build is dist/cdktn/.
 */
import { UsageError } from "../guard/errors";

const CDKTN_BUILD = /[\\/]cdktn[\\/]engine$/.test(__dirname);
const ENTRY = { cdktf: "genesys-oauth-cdktf", cdktn: "genesys-oauth-cdktf/cdktn" } as const;
/** Each engine's peers, with the versions the package is tested on. */
const PEERS = {
  cdktf: [["cdktf", "0.21.0"], ["constructs", "10"], ["@cdktf/provider-aws", "20 or 21"], ["@cdktf/provider-random", "12"]],
  cdktn: [["cdktn", "0.24.0"], ["constructs", "10.7"], ["@cdktn/provider-aws", "25"], ["@cdktn/provider-random", "15"]],
} as const;

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Throws a UsageError naming what is missing; nothing when every peer resolves. */
export function checkPeers(engine: "cdktf" | "cdktn"): void {
  const other = engine === "cdktf" ? "cdktn" : "cdktf";
  if (!installed(engine) && installed(other)) {
    throw new UsageError(`${ENTRY[engine]} is the package's ${engine} build, but this project has ${other}: import from "${ENTRY[other]}"`);
  }
  const missing = PEERS[engine].filter(([name]) => !installed(name));
  if (missing.length) {
    throw new UsageError(
      `${ENTRY[engine]} needs its peer dependencies: npm install ${missing.map(([name, v]) => `${name}@${v}`).join(" ")} (missing: ${missing.map(([n]) => n).join(", ")})`,
    );
  }
}

checkPeers(CDKTN_BUILD ? "cdktn" : "cdktf");
