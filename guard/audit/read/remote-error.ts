import { InputError } from "../../errors";

/**
 * An input error from a remote source. Inside a prefix (many states), a state that alone cannot be read (access
 * denied, deleted meanwhile) is reported in the audit (SG106) like an unreadable file in a folder; one that would
 * fail every state (credentials rejected, throttled, service unreachable) stops the audit with exit 2.
 */
export class StopsAudit extends InputError {
  constructor(
    message: string,
    readonly stopsAudit = true,
  ) {
    super(message);
  }
}

export function stopsAudit(e: unknown): boolean {
  return (e as { stopsAudit?: unknown })?.stopsAudit === true;
}
