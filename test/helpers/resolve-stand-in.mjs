// Preloaded into a CLI child (NODE_OPTIONS=--import=…): `stand-in.test`, the test certificate's name, resolves to
// loopback, as a hosts file would; every other name resolves as it always does.
import dns from "node:dns";

const lookup = dns.lookup;
dns.lookup = function standInLookup(hostname, options, callback) {
  if (hostname !== "stand-in.test") return lookup.call(this, hostname, options, callback);
  const done = typeof options === "function" ? options : callback;
  const all = typeof options === "object" && options?.all;
  process.nextTick(() => (all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
};
