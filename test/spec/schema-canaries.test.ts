import { describe, expect, it } from "vitest";
import { validateResponse } from "../../src/validation/validate-response.ts";

const log = {
  id: "c22d24f6-5a47-4597-9a23-c7d01e696b92",
  source: "realtime_api",
  type: "video_conference_session",
  url: "https://example.signalwire.com/api/video/room_sessions/a1b2c3d4-5e6f-7890-abcd-ef1234567890",
  room_name: "my_room",
  status: "completed",
  locked: false,
  started_at: "2022-01-01T10:00:00Z",
  ended_at: "2022-01-01T11:00:00Z",
  charge: 0.01,
  created_at: "2022-01-01T10:00:00Z",
  charge_details: [{ description: "Video conference session charge", charge: 0.005 }],
};
const { room_name: _omitted, ...logWithoutRoomName } = log;

describe("the generated schemas bite", () => {
  it("accept a complete log", () => {
    expect(validateResponse("get_log", 200, log)).toEqual([]);
  });

  it("reject a log with one extra property", () => {
    expect(validateResponse("get_log", 200, { ...log, extra: true })).toMatchObject([
      { pointer: "/extra", kind: "additive" },
    ]);
  });

  it("reject a charge sent as a string", () => {
    expect(validateResponse("get_log", 200, { ...log, charge: "0.01" })).toMatchObject([
      { pointer: "/charge", kind: "breaking", keyword: "type" },
    ]);
  });

  it("reject a status outside the enum", () => {
    expect(validateResponse("get_log", 200, { ...log, status: "unknown" })).toMatchObject([
      { pointer: "/status", kind: "breaking", keyword: "enum" },
    ]);
  });

  it("accept a null status", () => {
    expect(validateResponse("get_log", 200, { ...log, status: null })).toEqual([]);
  });

  it("accept a discarded log", () => {
    const discarded = { id: log.id, discarded_at: "2022-02-01T12:00:00Z", created_at: log.created_at };
    expect(validateResponse("get_log", 200, discarded)).toEqual([]);
  });

  it("reject a log missing room_name", () => {
    expect(validateResponse("get_log", 200, logWithoutRoomName)).toMatchObject([
      { pointer: "/room_name", kind: "breaking", keyword: "required" },
    ]);
  });
});
