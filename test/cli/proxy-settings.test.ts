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
    [
      "routes an https target through HTTPS_PROXY",
      { HTTPS_PROXY: "http://p:1" },
      "https://example.signalwire.com",
      "HTTPS_PROXY",
    ],
    [
      "routes an https target through HTTP_PROXY when HTTPS_PROXY is unset, as undici does",
      { HTTP_PROXY: "http://p:1" },
      "https://example.signalwire.com",
      "HTTP_PROXY",
    ],
    [
      "sends an http target direct when only HTTPS_PROXY is set",
      { HTTPS_PROXY: "http://p:1" },
      "http://127.0.0.1:8080",
      "direct",
    ],
    [
      "takes the lowercase variable over the uppercase one",
      { https_proxy: "http://p:1", HTTPS_PROXY: "http://q:1" },
      "https://example.signalwire.com",
      "https_proxy",
    ],
    [
      "treats a blank lowercase variable as unset",
      { https_proxy: " ", HTTPS_PROXY: "http://q:1" },
      "https://example.signalwire.com",
      "HTTPS_PROXY",
    ],
    [
      "goes direct when NO_PROXY names the host",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "example.signalwire.com" },
      "https://example.signalwire.com",
      "direct",
    ],
    [
      "goes direct when NO_PROXY names a parent domain",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "signalwire.com" },
      "https://example.signalwire.com",
      "direct",
    ],
    [
      "goes direct when no_proxy names the domain with a leading dot",
      { HTTPS_PROXY: "http://p:1", no_proxy: ".signalwire.com" },
      "https://example.signalwire.com",
      "direct",
    ],
    [
      "goes direct when NO_PROXY names the domain with *.",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "other, *.signalwire.com" },
      "https://example.signalwire.com",
      "direct",
    ],
    [
      "goes through the proxy when NO_PROXY only ends like the host, mid-label",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "wire.com" },
      "https://example.signalwire.com",
      "HTTPS_PROXY",
    ],
    [
      "goes direct when NO_PROXY names the host with its default port",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "example.signalwire.com:443" },
      "https://example.signalwire.com",
      "direct",
    ],
    [
      "goes through the proxy when NO_PROXY names the host with another port",
      { HTTP_PROXY: "http://p:1", NO_PROXY: "127.0.0.1:9" },
      "http://127.0.0.1:8080",
      "HTTP_PROXY",
    ],
    [
      "goes direct for NO_PROXY=*",
      { HTTPS_PROXY: "http://p:1", NO_PROXY: "*" },
      "https://example.signalwire.com",
      "direct",
    ],
    ["reads no proxy when no variable is set", {}, "https://example.signalwire.com", "no proxy variable"],
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
    const env = {
      PATH: "/bin",
      HTTPS_PROXY: "a",
      https_proxy: "a",
      HTTP_PROXY: "a",
      http_proxy: "a",
      NO_PROXY: "a",
      no_proxy: "a",
    };
    expect(withoutProxyVariables(env)).toEqual({ PATH: "/bin" });
  });
});
