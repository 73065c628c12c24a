// Which property names suggest that their value is a secret; such a value is never copied into a proposal.

/** Fragments of names under which servers put credentials (`api_key`, `access_token`, `Authorization`…). */
const SECRET_NAME = /token|passw|pwd|secret|key|auth|credential|cookie|signature/i;

/** True when a property's name suggests that its value is a secret. */
export function suggestsSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}
