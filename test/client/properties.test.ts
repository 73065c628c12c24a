import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBaseUrl, spaceToBaseUrl } from "../../src/client/options.ts";
import { backoffDelay, parseRetryAfter } from "../../src/client/retry-delay.ts";
import { InvalidInputError } from "../../src/index.ts";

describe("properties that hold for any input", () => {
  it("a Space name becomes a signalwire.com host of one label, or is refused", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.domain(), fc.webUrl()), (space) => {
        let url: string;
        try {
          url = spaceToBaseUrl(space);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
          return;
        }
        const parsed = new URL(url);
        expect(parsed.protocol).toBe("https:");
        expect(parsed.hostname).toMatch(/^[a-z0-9-]+\.signalwire\.com$/);
        expect(`${parsed.origin}`).toBe(url);
      }),
      { numRuns: 2000 },
    );
  });

  it("a base URL that is accepted is https, or http on a loopback host, without credentials", () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (value) => {
        let url: URL;
        try {
          url = checkBaseUrl(value);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
          return;
        }
        expect(url.username + url.password + url.search + url.hash).toBe("");
        if (url.protocol !== "https:") {
          expect(url.protocol).toBe("http:");
          expect(url.hostname).toMatch(/^(?:(?:[^.]+\.)*localhost|127(?:\.\d{1,3}){3}|\[::1\])$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a backoff delay stays within [0, min(max, base·2ⁿ)]", () => {
    fc.assert(
      fc.property(
        fc.nat(20),
        fc.nat(10_000),
        fc.nat(100_000),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, max, r) => {
          const delay = backoffDelay(n, base, max, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(max, base * 2 ** n));
        },
      ),
    );
  });

  it("Retry-After in seconds and as an HTTP date mean the same wait", () => {
    const now = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.nat(86_400), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
        expect(parseRetryAfter(new Date(now + seconds * 1000).toUTCString(), now)).toBe(seconds * 1000);
      }),
    );
  });
});
