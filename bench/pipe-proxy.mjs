// The reference the proxy figures are read against (bench/proxy-figures.ts): a bare Node proxy that forwards each
// request to the upstream and streams the answer back, judging nothing. It takes the transport video-logs proxy takes
// (a node:http server, an undici Pool's dispatch to the upstream, the cheapest Node client here), so it is what any
// Node proxy pays on these cores.
import { createServer } from "node:http";
import { Pool } from "undici";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);
const pool = new Pool(new URL(process.argv[2]).origin);
const server = createServer((req, res) => {
  pool.dispatch(
    { path: req.url, method: req.method, headers: req.rawHeaders, body: null },
    {
      onConnect() {},
      onError: () => res.destroy(),
      onHeaders(status, raw, resume, statusText) {
        const headers = [];
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i].toString("latin1");
          if (!HOP_BY_HOP.has(name.toLowerCase())) headers.push(name, raw[i + 1].toString("latin1"));
        }
        res.writeHead(status, statusText, headers);
        res.on("drain", resume);
        return true;
      },
      onData: (chunk) => res.write(chunk),
      onComplete: () => res.end(),
    },
  );
});
server.listen(0, "127.0.0.1", () =>
  console.error(`pipe proxy listening on http://127.0.0.1:${server.address().port} ->`),
);
process.on("SIGTERM", () => process.exit(0));
