import { describe, expect, it } from "vitest";
import { prismListenArgs, prismMockArgs, prismProxyArgs, resolvePrismEntry } from "../../src/mock/prism.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";

describe("Prism's command line", () => {
  it("mocks the toolkit's own spec by default, serving its named examples", () => {
    expect(prismMockArgs()).toEqual(["mock", defaultSpecPath()]);
  });

  it("generates bodies with a repeatable seed in dynamic mode, or none when the seed is null", () => {
    expect(prismMockArgs({ dynamic: true })).toEqual(["mock", defaultSpecPath(), "--dynamic", "--seed", "1"]);
    expect(prismMockArgs({ dynamic: true, seed: 7 })).toEqual(["mock", defaultSpecPath(), "--dynamic", "--seed", "7"]);
    expect(prismMockArgs({ dynamic: true, seed: null })).toEqual(["mock", defaultSpecPath(), "--dynamic"]);
  });

  it("refuses a spec path that does not exist", () => {
    expect(() => prismMockArgs({ specPath: "/nonexistent/spec.yaml" })).toThrow(
      "OpenAPI document not found: /nonexistent/spec.yaml",
    );
  });

  it("proxies to an http(s) upstream without its trailing slash, and refuses anything else", () => {
    expect(prismProxyArgs({ upstream: "https://example.signalwire.com/" })).toEqual([
      "proxy",
      defaultSpecPath(),
      "https://example.signalwire.com",
    ]);
    expect(() => prismProxyArgs({ upstream: "ftp://example.com" })).toThrow(/must be http\(s\)/);
    expect(() => prismProxyArgs({ upstream: "example.com" })).toThrow(/must be an absolute URL/);
  });

  it("listens where it is told, with --errors only when asked", () => {
    expect(prismListenArgs({ host: "127.0.0.1", port: 4010 })).toEqual(["--host", "127.0.0.1", "--port", "4010"]);
    expect(prismListenArgs({ host: "::1", port: 1, errors: true })).toEqual([
      "--host",
      "::1",
      "--port",
      "1",
      "--errors",
    ]);
  });

  it("runs Prism's own CLI entry script from the installed package", () => {
    expect(resolvePrismEntry()).toMatch(/node_modules\/@stoplight\/prism-cli\/dist\/index\.js$/);
  });
});
