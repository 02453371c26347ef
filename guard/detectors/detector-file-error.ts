import { InputError } from "../errors";

/** A detectors file the guard cannot use (exit code 2, like other usage errors). */
export class DetectorFileError extends InputError {}
