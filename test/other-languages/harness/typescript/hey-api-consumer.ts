// What a consumer writes against the client @hey-api/openapi-ts generates from our 3.1 bundle (copied beside the
// generated `client/` folder by typescript-generators.test.ts). Prints each call's status and body as JSON.
import { client } from "./client/client.gen.js";
import { getLog, listLogs } from "./client/sdk.gen.js";
import type { ListLogsPage, VideoLog } from "./client/types.gen.js";

const baseUrl = process.env.VIDEO_LOGS_BASE_URL;
if (!baseUrl) throw new Error("VIDEO_LOGS_BASE_URL is not set");
client.setConfig({ baseUrl, auth: () => "project-id:api-token" });

const log = await getLog({ path: { id: "c22d24f6-5a47-4597-9a23-c7d01e696b92" } });
const page = await listLogs({ query: { include_deleted: true, page_size: 2, created_after: "2022-01-01" } });

// The generated types are real: a call without the path id does not compile.
// @ts-expect-error `path.id` is required
void getLog({ path: {} });

const logBody: VideoLog | undefined = log.data;
const pageBody: ListLogsPage | undefined = page.data;
const ids: string[] = pageBody?.data.map((entry) => entry.id) ?? [];

process.stdout.write(
  JSON.stringify([
    { operationId: "get_log", status: log.response?.status, body: logBody ?? log.error },
    { operationId: "list_logs", status: page.response?.status, body: pageBody ?? page.error, ids },
  ]),
);
