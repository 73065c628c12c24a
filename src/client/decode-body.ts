// A 2xx body must be UTF-8 JSON (RFC 8259 §8.1): bytes that are not UTF-8 are a violation, never silently repaired.

import type { Violation } from "../validation/violation.ts";
import { encodingViolation } from "../validation/violation-factory.ts";

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

export type DecodedBody = { ok: true; text: string } | { ok: false; violation: Violation };

export function decodeUtf8Body(bytes: Uint8Array): DecodedBody {
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    return { ok: false, violation: encodingViolation() };
  }
}
