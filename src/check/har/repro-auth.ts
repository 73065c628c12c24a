// Which credentials a recorded entry's repro line asks the shell for. A recording may hold any host (a proxy, a
// test server, or a hostile file's own): the user's SignalWire credentials go only to an https URL of a SignalWire
// Space; any other URL is repeated without credentials, so copying the line never hands them to another host.
const SPACE_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.signalwire\.com$/i;

export function reproAuth(url: string): "env" | "none" {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" &&
      parsed.username === "" &&
      parsed.password === "" &&
      parsed.port === "" &&
      SPACE_HOST.test(parsed.hostname)
      ? "env"
      : "none";
  } catch {
    return "none";
  }
}
