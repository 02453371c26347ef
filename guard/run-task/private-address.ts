import { BlockList, isIP } from "node:net";

/**
 * Hosts that are not on the public internet: loopback, private (RFC 1918, unique-local), link-local (where cloud
 * metadata services answer, 169.254.169.254), shared (100.64/10) and unspecified addresses, written as IP literals,
 * plus the name localhost. A redirect from HCP Terraform to one of them is a request forgery attempt unless the
 * operator serves from such a network. Names are not resolved: a DNS name is judged by what the name says only.
 */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

const PRIVATE = new BlockList();
for (const [net, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16]] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10]] as const) PRIVATE.addSubnet(net, bits, "ipv6");

/** A URL's hostname without the brackets of an IPv6 literal. */
function bare(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost");
}

/** Whether a URL hostname is the machine itself (127/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const h = bare(hostname);
  const v = isIP(h);
  return v === 0 ? isLocalName(h) : LOOPBACK.check(h, v === 4 ? "ipv4" : "ipv6");
}

/** Whether a URL hostname is loopback, private, link-local, shared or unspecified (IPv4-mapped IPv6 included). */
export function isPrivateHost(hostname: string): boolean {
  const h = bare(hostname);
  const v = isIP(h);
  return v === 0 ? isLocalName(h) : PRIVATE.check(h, v === 4 ? "ipv4" : "ipv6");
}
