import { classCount, isMostlyRuns, isPlaceholder } from "./text-shapes";

/**
 * Placeholders judged with the name of the slot they fill: a value in a sensitive argument that only restates
 * the argument (`my-access-key` for `access_key`, `mock_secret_key`, `mysecretpassword` for `master_password`) or
 * says it is not used (`unused`, `nothing`, `not-a-real-token`) stands for a value, it is not one. Test fixtures
 * and examples are full of them; reporting them as leaked secrets teaches people to ignore the guard.
 */

/** Words that say "not a real value" (with the slot's own words, a value made only of these is a placeholder). */
const FILLER_WORDS = [
  "my", "your", "our", "the", "a", "an", "some", "mock", "mocked", "fake", "dummy", "test", "testing", "sample",
  "example", "demo", "stub", "placeholder", "unused", "not", "used", "nothing", "none", "empty", "blank", "unset",
  "set", "real", "na", "tbd", "ignored", "ignore", "irrelevant", "here", "value",
];

/** Words that name a credential: a value made of these restates whatever sensitive slot it is in. */
const CREDENTIAL_WORDS = [
  "password", "passwd", "pass", "pwd", "secret", "secrets", "token", "key", "keys", "apikey", "api", "access",
  "private", "credential", "credentials", "auth", "id",
];

/** Filler and credential words together (the slot's own words are added per call). */
const ANY_SLOT_WORDS: ReadonlySet<string> = new Set([...FILLER_WORDS, ...CREDENTIAL_WORDS]);

/** Longest value read as words: a longer one is data, not a name. */
const MAX_WORDS_LENGTH = 64;

/**
 * Whether `value`, in the slot named `slot` (the argument's or variable's name), is a placeholder: one by its
 * make-up alone (isPlaceholder: `changeme`, `<token>`, `${var.x}`, `xxxx`, `12345678`), or letters and
 * separators only, split into words (separators, camelCase, or run together) that are all filler, credential
 * words or the slot's own. Runs of three kinds of character (`Aa1234321Bb`, `Abcd1234!`) are not placeholders
 * here: in a password slot they are dummies written to pass a complexity check, and weak if real (weak-value.ts).
 */
export function isSlotPlaceholder(value: string, slot: string): boolean {
  if (isPlaceholder(value)) return !(classCount(value) >= 3 && isMostlyRuns(value));
  if (value.length > MAX_WORDS_LENGTH) return false;
  const parts = nameWords(value);
  if (parts === undefined || parts.length === 0) return false;
  const own = (nameWords(slot, true) ?? []).filter((w) => w.length >= 2);
  const isWord = (w: string) => ANY_SLOT_WORDS.has(w) || own.includes(w);
  return parts.every((p) => madeOfWords(p, isWord));
}

/**
 * The lower-case words of a name (`mock_secretKey` -> mock, secret, key); undefined when it holds anything but
 * ASCII letters and the separators `-_. /`, unless `anySeparates` (a slot's name: `password_v2` -> password, v).
 */
function nameWords(name: string, anySeparates = false): string[] | undefined {
  const out: string[] = [];
  let word = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower) {
      const p = word.length > 0 ? word.charCodeAt(word.length - 1) : 0;
      if (upper && p >= 97 && p <= 122) out.push(word.toLowerCase()), (word = "");
      word += name[i];
    } else if (anySeparates || c === 45 || c === 95 || c === 46 || c === 32 || c === 47) {
      if (word) out.push(word.toLowerCase());
      word = "";
    } else return undefined;
  }
  if (word) out.push(word.toLowerCase());
  return out;
}

/** Whether `text` is a run of words of `words` (`mysecretkey` = my + secret + key); at most 64 characters. */
function madeOfWords(text: string, isWord: (w: string) => boolean): boolean {
  // reach[i]: text[0, i) splits into words. Words are at most 16 characters, so this is O(16 n).
  const reach = new Array<boolean>(text.length + 1).fill(false);
  reach[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 16); start < end && !reach[end]; start++) {
      if (reach[start] && isWord(text.slice(start, end))) reach[end] = true;
    }
  }
  return reach[text.length];
}
