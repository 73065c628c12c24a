// A CommonJS consumer: `require` of the ESM-only package (Node >= 20.19 and 22.12). Prints what it loaded.
const { createVideoLogsClient, validateResponse, VERSION } = require("signalwire-video-logs");

const client = createVideoLogsClient({ baseUrl: "http://127.0.0.1:8080", projectId: "p", apiToken: "t" });
console.log(
  JSON.stringify({
    version: VERSION,
    baseUrl: client.baseUrl,
    notALog: validateResponse("get_log", 200, { id: 1 }).length > 0,
  }),
);
