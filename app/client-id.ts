import { slug } from "../constructs/slug";

/** A stable construct id from a client name (Terraform addresses stay put when clients are reordered). */
export function clientConstructId(name: string, index: number): string {
  const s = slug(name);
  return s ? `client-${s}` : `client-${index}`;
}
