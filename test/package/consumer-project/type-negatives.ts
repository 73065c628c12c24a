// Mistakes a consumer must not be able to compile. Each `@ts-expect-error` is itself an error when the line below it
// compiles, so a published type that degrades to `any` fails this file.
import {
  createVideoLogsClient,
  isApiError,
  isDiscardedLog,
  type ListLogsQuery,
  type Log,
  validateResponse,
} from "signalwire-video-logs";

const client = createVideoLogsClient({ baseUrl: "http://127.0.0.1:8080", projectId: "p", apiToken: "t" });
const id = "c22d24f6-5a47-4597-9a23-c7d01e696b92";

export async function wrongResultType(): Promise<number> {
  // @ts-expect-error getLog resolves to a video log, not a number
  const count: number = await client.getLog(id);
  return count;
}

export async function unknownQueryParameter(): Promise<void> {
  // @ts-expect-error list_logs has no `room` query parameter
  await client.listLogs({ room: "standup" });
}

export async function wrongParameterType(): Promise<void> {
  // @ts-expect-error page_size is a number
  await client.listLogs({ page_size: "ten" });
  // @ts-expect-error include_deleted is a boolean
  const query: ListLogsQuery = { include_deleted: "yes" };
  await client.listLogs(query);
}

export async function unknownPathOnRaw(): Promise<void> {
  // @ts-expect-error the spec has no such path
  await client.raw.GET("/api/video/rooms");
}

export async function typedFields(): Promise<void> {
  const log = await client.getLog(id);
  if (isDiscardedLog(log)) {
    // @ts-expect-error a discarded log has no room name
    console.log(log.room_name);
  } else {
    const full: Log = log;
    // @ts-expect-error room_name is a string
    const roomName: number = full.room_name;
    console.log(roomName);
  }
  try {
    await client.listLogs();
  } catch (error) {
    // @ts-expect-error an ApiError's status is a number
    if (isApiError(error)) console.log(error.status satisfies string);
  }
}

export function unknownOperation(): void {
  // @ts-expect-error the spec has no such operation
  validateResponse("list_rooms", 200, {});
}
