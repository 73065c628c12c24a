// Which proxy variable routes a request: the rules of undici's EnvHttpProxyAgent, which the CLI's messages name.
import { describe, expect, it } from "vitest";
import { proxyFor, proxySettingsFrom, withoutProxyVariables } from "../../src/cli/proxy-settings.ts";
import { UsageError } from "../../src/cli/usage-error.ts";

const route = (env: Record<string, string>, target: string) => {
  const settings = proxySettingsFrom(env);
  return settings ? (proxyFor(settings, new URL(target))?.variable ?? "direct") : "no proxy variable";
};

describe("the proxy variables", () => {
  it.each([
    ["https target, HTTPS_PROXY", { HTTPS_PROXY: "http://p:1" }, "https://example.signalwire.com", "HTTPS_PROXY"],
    ["https target, only HTTP_PROXY (undici's fallback)", { HTTP_PROXY: "http://p:1" }, "https://example.signalwire.com", "HTTP_PROXY"],
    ["http target, only HTTPS_PROXY", { HTTPS_PROXY: "http://p:1" }, "http://127.0.0.1:8080", "direct"],
    ["lowercase wins", { https_proxy: "http://p:1", HTTPS_PROXY: "http://q:1" }, "https://example.signalwire.com", "https_proxy"],
    ["an empty lowercase value is unset", { https_proxy: " ", HTTPS_PROXY: "http://q:1" }, "https://example.signalwire.com", "HTTPS_PROXY"],
    ["NO_PROXY names the host", { HTTPS_PROXY: "http://p:1", NO_PROXY: "example.signalwire.com" }, "https://example.signalwire.com", "direct"],
    ["NO_PROXY names a parent domain", { HTTPS_PROXY: "http://p:1", NO_PROXY: "signalwire.com" }, "https://example.signalwire.com", "direct"],
    ["NO_PROXY with a leading dot", { HTTPS_PROXY: "http://p:1", no_proxy: ".signalwire.com" }, "https://example.signalwire.com", "direct"],
    ["NO_PROXY with *.", { HTTPS_PROXY: "http://p:1", NO_PROXY: "other, *.signalwire.com" }, "https://example.signalwire.com", "direct"],
    ["NO_PROXY is not a suffix match of a label", { HTTPS_PROXY: "http://p:1", NO_PROXY: "wire.com" }, "https://example.signalwire.com", "HTTPS_PROXY"],
    ["NO_PROXY with the default port", { HTTPS_PROXY: "http://p:1", NO_PROXY: "example.signalwire.com:443" }, "https://example.signalwire.com", "direct"],
    ["NO_PROXY with another port", { HTTP_PROXY: "http://p:1", NO_PROXY: "127.0.0.1:9" }, "http://127.0.0.1:8080", "HTTP_PROXY"],
    ["NO_PROXY *", { HTTPS_PROXY: "http://p:1", NO_PROXY: "*" }, "https://example.signalwire.com", "direct"],
    ["none set", {}, "https://example.signalwire.com", "no proxy variable"],
  ])("%s", (_, env, target, expected) => {
    expect(route(env, target)).toBe(expected);
  });

  it("refuses a value that is not an http(s) URL, naming the variable and not the value", () => {
    for (const value of ["socks5://user:secret-pw@proxy:1080", "secret-pw", "http://"]) {
      const attempt = () => proxySettingsFrom({ HTTPS_PROXY: value });
      expect(attempt).toThrow(UsageError);
      expect(attempt).toThrow(/^HTTPS_PROXY is not a proxy URL/);
      expect(() => attempt()).not.toThrow(/secret-pw/);
    }
  });

  it("are all left out of the embedded mock's environment", () => {
    const env = { PATH: "/bin", HTTPS_PROXY: "a", https_proxy: "a", HTTP_PROXY: "a", http_proxy: "a", NO_PROXY: "a", no_proxy: "a" };
    expect(withoutProxyVariables(env)).toEqual({ PATH: "/bin" });
  });
});
