/** A bad doctor option (--api-base, --login-base, --state, SECRET_GUARD_GENESYS_*): exit 2 with one line. */
export class DoctorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
