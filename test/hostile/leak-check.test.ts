// The hostile suite's leak check itself: it finds a secret and every beginning of one that reaches into the token,
// and never fails on a piece of the project id, which is no secret (a random UUID in a report once held `-3b4d-4e`).
import { describe, expect, it } from "vitest";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { expectNoBeginningOfSecret, REFLECTED_FORMS } from "./hostile-helpers.ts";

const fails = (text: string) => {
  try {
    expectNoBeginningOfSecret(text);
    return false;
  } catch {
    return true;
  }
};

describe("expectNoBeginningOfSecret", () => {
  it("fails on every reflected spelling of the credentials, whole or cut 8 characters into the token", () => {
    for (const [name, form] of Object.entries(REFLECTED_FORMS)) expect(fails(`x ${form} y`), name).toBe(true);
    expect(fails(`id ${API_TOKEN.slice(0, 8)}…`)).toBe(true);
    expect(fails(`${PROJECT_ID}:${API_TOKEN.slice(0, 8)}`)).toBe(true);
  });

  it("passes a text holding pieces of the project id, or the project id whole, or a token cut shorter than 8", () => {
    expect(fails("GET /api/video/logs/0d9e6c51-3b4d-4e6f-8a9b-77aa01c2d3e4 404")).toBe(false);
    expect(fails(`project ${PROJECT_ID}: refused`)).toBe(false);
    expect(fails(`${PROJECT_ID}:${API_TOKEN.slice(0, 7)}`)).toBe(false);
    expect(fails("[REDACTED] and [REDACTED]")).toBe(false);
  });
});
