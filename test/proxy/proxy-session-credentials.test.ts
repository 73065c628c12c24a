// A proxy session judging the exchanges of many clients, each with credentials of its own that the server echoes: every
// one of them is gone from the report and from the recorded entries, however many were collected before it.
import { describe, expect, it } from "vitest";
import type { HarEntry } from "../../src/check/har/har-entry.ts";
import { redactHarEntry } from "../../src/check/har/redact-har-entry.ts";
import { ProxySession } from "../../src/proxy/proxy-session.ts";
import { harEntry } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const TENANTS = 400;

/** Tenant i's request, with Basic credentials of its own that the server echoes in a header and in the body. */
function exchangeOf(i: number) {
  const user = `tenant-${i}`;
  const password = `PT${(i * 2_654_435_761).toString(36)}-secret-${i}`;
  const basic = Buffer.from(`${user}:${password}`).toString("base64");
  const entry = harEntry({
    url: `http://upstream.test/api/video/logs/${completedLog.id}`,
    requestHeaders: { authorization: `Basic ${basic}` },
    responseHeaders: { "x-echo": `${user}:${password}` },
    // The password in a field the spec types otherwise, so the report quotes it, percent-encoded.
    json: { ...completedLog, status: encodeURIComponent(password), room_name: `key ${basic}` },
  }) as unknown as HarEntry;
  return { entry, secrets: [password, basic, `${user}:${password}`] };
}

describe("a proxy session with many clients' credentials", () => {
  it("leaves none of them in the report or the recorded entries", () => {
    const session = new ProxySession({
      upstream: new URL("http://upstream.test"),
      strict: false,
      maxBodyBytes: 1_000_000,
      now: () => 0,
    });
    const recorded: string[] = [];
    const secrets: string[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const exchange = exchangeOf(i);
      session.observe(exchange.entry);
      recorded.push(JSON.stringify(redactHarEntry(exchange.entry, session.currentRedactor)));
      secrets.push(...exchange.secrets);
    }
    const report = JSON.stringify(session.report());
    expect(report).toContain("[REDACTED]");
    const everything = `${report}\n${recorded.join("\n")}`;
    const leaked = secrets.filter(
      (secret) => everything.includes(secret) || everything.includes(encodeURIComponent(secret)),
    );
    expect(leaked).toEqual([]);
    expect(recorded[TENANTS - 1]).toContain('"value":"[REDACTED]"');
  });

  it("judges and records nothing of a client whose credentials would pass the cap, and says so", () => {
    // Room for the secrets of two tenants, not three.
    let perTenant = 0;
    new ProxySession({
      upstream: new URL("http://upstream.test"),
      strict: false,
      maxBodyBytes: 1_000_000,
      now: () => 0,
      onSecrets: ({ secrets, inBase64 }) => (perTenant += secrets.length + inBase64.length),
    }).observe(exchangeOf(0).entry);
    const added: string[] = [];
    const session = new ProxySession({
      upstream: new URL("http://upstream.test"),
      strict: false,
      maxBodyBytes: 1_000_000,
      now: () => 0,
      maxSecrets: 2 * perTenant + 1,
      onSecrets: ({ secrets, inBase64 }) => added.push(...secrets, ...inBase64),
    });
    const [first, second, third] = [exchangeOf(0), exchangeOf(1), exchangeOf(2)];
    expect([first, second, third, first].map(({ entry }) => session.observe(entry))).toEqual([true, true, false, true]);
    // A client already collected is judged again; one past the cap adds nothing, even the part that would fit.
    expect(added).toHaveLength(2 * perTenant);
    expect(third.secrets.some((secret) => added.includes(secret))).toBe(false);
    expect(session.observe(third.entry, true)).toBe(false);
    const report = session.report();
    expect(report.summary.checked).toBe(3);
    expect(session.counts).toEqual({ forwarded: 0, tooLarge: 0, pastSecretCap: 2 });
    expect(report.notes).toContain(
      `2 response(s) came with credentials past the ${2 * perTenant + 1} collected for redaction: passed through unjudged and unrecorded, so none of them can show`,
    );
    expect(JSON.stringify(report)).not.toContain("tenant-2");
  });
});
