// Which names say that their value is a secret: a header, a query or fragment parameter, a property of a body.

/** Fragments that mark a secret anywhere in a name: `api_key`, `access_token`, `Authorization`, `newpassword`… */
const SECRET_FRAGMENTS = /token|passw|secret|key|auth|cookie|signature/i;

/**
 * Words that mark a secret only as a whole segment of a name (see nameSegments): `pass` in `db_pass` or `userPass`,
 * never in `compass` or `bypass_cache`.
 */
export const SECRET_WORDS: ReadonlySet<string> = new Set([
  "pass",
  "passwd",
  "password",
  "pwd",
  "credential",
  "credentials",
]);

/**
 * A name's segments, lower-cased: split on `_`, `-`, `.` and case changes (`userPass` → user, pass;
 * `HTTPPassword` → http, password).
 */
export function nameSegments(name: string): string[] {
  return name
    .split(/[_.-]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter((segment) => segment !== "")
    .map((segment) => segment.toLowerCase());
}

/** True when a name suggests that its value is a secret. */
export function suggestsSecret(name: string): boolean {
  return SECRET_FRAGMENTS.test(name) || nameSegments(name).some((segment) => SECRET_WORDS.has(segment));
}
