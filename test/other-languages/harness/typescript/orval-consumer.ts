// What a consumer writes against the fetch client orval generates from our 3.1 bundle (copied beside the generated
// `client/` folder by typescript-generators.test.ts). Prints each call's status and body as JSON.
import { getLog, type ListLogsPage, listLogs, type VideoLog } from "./client/video-logs.js";

// orval reads the base URL from the VIDEO_LOGS_BASE_URL expression it was configured with; the credentials go in
// the RequestInit every generated function accepts.
const init: RequestInit = { headers: { authorization: `Basic ${btoa("project-id:api-token")}` } };

const log = await getLog("c22d24f6-5a47-4597-9a23-c7d01e696b92", init);
const page = await listLogs({ include_deleted: true, page_size: 2, created_after: "2022-01-01" }, init);

// The generated types are real: the id is a string, and a 200 narrows the body to the success type.
// @ts-expect-error `id` must be a string
void getLog(42, init);

const _logBody: VideoLog | undefined = log.status === 200 ? log.data : undefined;
const pageBody: ListLogsPage | undefined = page.status === 200 ? page.data : undefined;
const ids: string[] = pageBody?.data.map((entry) => entry.id) ?? [];

process.stdout.write(
  JSON.stringify([
    { operationId: "get_log", status: log.status, body: log.data },
    { operationId: "list_logs", status: page.status, body: page.data, ids },
  ]),
);
