import { classCount, entropy, isMostlyRuns } from "./text-shapes";

/** Shorter than this, a value is weak whatever it is made of (`1234`, `foo`, `hunter2`). */
const MIN_STRONG_LENGTH = 8;
/** Shorter than this, a value of at most two character classes (`foobarbaz`, `admin123`) is weak. */
const MIN_PLAIN_STRONG_LENGTH = 12;

/**
 * A value that is not a placeholder but does not look like a real secret either: short (`1234`, `bar`), a short
 * word or two with at most two kinds of character (`foobarbaz`, `password1`), made mostly of runs
 * (`Aa1234321Bb`), or one or two characters repeated (`abababababab`). In a sensitive argument it is most likely a test's dummy, and if it is real it is a weak
 * secret in clear: worth a warning, not an error. Generated secrets (keys, tokens, random passwords) and
 * human passwords with three kinds of character are never weak by this test.
 */
export function isWeakValue(v: string): boolean {
  if (v.length < MIN_STRONG_LENGTH) return true;
  if (v.length < MIN_PLAIN_STRONG_LENGTH && classCount(v) <= 2) return true;
  return v.length <= 64 && (isMostlyRuns(v) || entropy(v) < 1.5);
}
