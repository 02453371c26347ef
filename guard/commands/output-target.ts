import { promises as fsp } from "node:fs";
import { InputError } from "../errors";

/**
 * Refuses an --output that must not be replaced: an existing device, pipe, folder or socket (or a symbolic link to
 * one: `/dev/stdout`, `/dev/full`), which the temp-file-and-rename write would replace with a regular file when
 * run as root; and a file that is one of the inputs (same device and inode, so hard links and links count too),
 * which would overwrite the state with its report. `what` names the option in errors (its position, never the
 * value). `inputs()` lists the files the command reads (files inside input folders included); it is called only
 * when the target already exists.
 */
export async function checkOutputTarget(output: string, what: string, inputs: () => Promise<readonly string[]>): Promise<void> {
  const link = await fsp.lstat(output).catch(() => undefined);
  if (!link) return; // a new file
  const st = link.isSymbolicLink() ? await fsp.stat(output).catch(() => undefined) : link;
  if (!st) return; // a dangling link: the rename replaces the link itself
  if (!st.isFile()) {
    throw new InputError(`${what} is not a regular file (a device, pipe, folder or socket, or a link to one); refusing to replace it`);
  }
  for (const input of await inputs()) {
    const s = await fsp.stat(input).catch(() => undefined);
    if (s && s.dev === st.dev && s.ino === st.ino) {
      throw new InputError(`${what} is the same file as the input ${input}; refusing to overwrite an input with the report`);
    }
  }
}
