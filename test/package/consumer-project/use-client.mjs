// The installed client against the server at argv[2]; prints what it saw as one JSON line for the test to judge.
import {
  ApiError,
  createVideoLogsClient,
  isApiError,
  isDiscardedLog,
  VERSION,
  validateResponse,
} from "signalwire-video-logs";

const client = createVideoLogsClient({ baseUrl: process.argv[2] }); // credentials from SIGNALWIRE_PROJECT_ID / _API_TOKEN

const ids = [];
let discarded = 0;
for await (const entry of client.iterateLogs({ include_deleted: true })) {
  ids.push(entry.id);
  if (isDiscardedLog(entry)) discarded++;
}

const first = await client.getLog(ids[0]);
const firstViolations = validateResponse("get_log", 200, first, { mode: "strict" });

let notFound;
try {
  await client.getLog("00000000-0000-4000-8000-000000000000");
} catch (error) {
  notFound = { status: error.status, isApiError: isApiError(error), instanceOfApiError: error instanceof ApiError };
}

const raw = await client.raw.GET("/api/video/logs/{id}", { params: { path: { id: ids[0] } } });

console.log(
  JSON.stringify({
    version: VERSION,
    ids,
    discarded,
    firstId: first.id,
    firstViolations,
    notFound,
    rawStatus: raw.response.status,
  }),
);
