// The reference the proxy figures are read against (bench/proxy-figures.ts): a bare Node pipe proxy that forwards each
// request to the upstream and pipes the answer back, judging nothing. What any Node proxy pays on these cores.
import { Agent, createServer, request } from "node:http";

const upstream = new URL(process.argv[2]);
const agent = new Agent({ keepAlive: true });
const server = createServer((req, res) => {
  const forwarded = request(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on("error", () => res.destroy());
  req.pipe(forwarded);
});
server.listen(0, "127.0.0.1", () =>
  console.error(`pipe proxy listening on http://127.0.0.1:${server.address().port} ->`),
);
process.on("SIGTERM", () => process.exit(0));
