// The spec-driven core's acceptance: a second resource added to a scratch copy of the spec is generated, built, typed,
// toured and judged with no code change.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PROJECT = "core-project";
const TOKEN = "core-token-for-tests";
const AUTH = `Basic ${Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64")}`;

const SESSION_A = {
  id: "0b6f3a1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b",
  name: "standup",
  status: "ended",
  created_at: "2024-05-01T09:00:00Z",
};
// Drifted: a status outside the spec's enum.
const SESSION_B = {
  id: "7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a",
  name: "retro",
  status: "paused",
  created_at: "2024-05-02T09:00:00Z",
};
const LOG = {
  id: "c22d24f6-5a47-4597-9a23-c7d01e696b92",
  source: "realtime_api",
  type: "video_conference_session",
  url: "https://example.signalwire.com/api/video/room_sessions/x",
  room_name: "my_room",
  status: "completed",
  locked: false,
  started_at: "2022-01-01T10:00:00Z",
  ended_at: "2022-01-01T11:00:00Z",
  charge: 0.01,
  created_at: "2022-01-01T10:00:00Z",
  charge_details: [],
};

/** The second resource: a list and a get-by-id of room sessions, with a closed schema and examples of their own. */
function addRoomSessions(spec: Record<string, any>): void {
  const errors = (statuses: string[]) =>
    Object.fromEntries(
      statuses.map((status) => [
        status,
        {
          $ref: `#/components/responses/${({ "401": "Unauthorized", "404": "NotFound", "422": "UnprocessableEntity", "500": "InternalServerError" } as Record<string, string>)[status]}`,
        },
      ]),
    );
  spec.paths["/api/video/room_sessions"] = {
    get: {
      operationId: "list_room_sessions",
      summary: "List room sessions",
      description: "One page of room sessions.",
      tags: ["Video Logs"],
      parameters: [{ $ref: "#/components/parameters/page_size" }, { $ref: "#/components/parameters/page_token" }],
      responses: {
        "200": {
          description: "One page.",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/RoomSessionsPage" },
              examples: {
                one_page: {
                  value: {
                    links: { self: "/api/video/room_sessions", first: "/api/video/room_sessions" },
                    data: [SESSION_A],
                  },
                },
              },
            },
          },
        },
        ...errors(["401", "422", "500"]),
      },
    },
  };
  spec.paths["/api/video/room_sessions/{id}"] = {
    get: {
      operationId: "get_room_session",
      summary: "Get room session",
      description: "One room session by id.",
      tags: ["Video Logs"],
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          description: "The session's id.",
          schema: { $ref: "#/components/schemas/Uuid" },
        },
      ],
      responses: {
        "200": {
          description: "The session.",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/RoomSession" },
              examples: { ended: { value: SESSION_A } },
            },
          },
        },
        ...errors(["401", "404", "422", "500"]),
      },
    },
  };
  spec.components.schemas.RoomSession = {
    type: "object",
    description: "A room session.",
    additionalProperties: false,
    required: ["id", "name", "status", "created_at"],
    properties: {
      id: { $ref: "#/components/schemas/Uuid" },
      name: { type: "string", description: "The room's name." },
      status: { type: "string", enum: ["in-progress", "ended"], description: "Where the session stands." },
      created_at: { type: "string", format: "date-time", description: "When it started." },
    },
  };
  spec.components.schemas.RoomSessionsPage = {
    type: "object",
    description: "One page of room sessions.",
    additionalProperties: false,
    required: ["links", "data"],
    properties: {
      links: { $ref: "#/components/schemas/PaginationLinks" },
      data: {
        type: "array",
        description: "The sessions of this page.",
        items: { $ref: "#/components/schemas/RoomSession" },
      },
    },
  };
}

/** A server for both resources; room sessions come in two pages, the second holding the drifted session. */
function startServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== AUTH) return send(401, { error: "Unauthorized" });
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const page = (data: unknown[], next?: string) => ({
      links: { self: url.pathname + url.search, first: url.pathname, ...(next ? { next } : {}) },
      data,
    });
    if (url.pathname === "/api/video/logs") return send(200, page([LOG]));
    if (url.pathname === "/api/video/room_sessions") {
      return url.searchParams.get("page_token") === "p2"
        ? send(200, page([SESSION_B]))
        : send(200, page([SESSION_A], "/api/video/room_sessions?page_token=p2"));
    }
    const item = /^\/api\/video\/(logs|room_sessions)\/([^/]+)$/.exec(url.pathname);
    const found = item && [LOG, SESSION_A, SESSION_B].find((candidate) => candidate.id === item[2]);
    return found ? send(200, found) : send(404, { error: "Not Found" });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const run = (dir: string, args: string[]) => spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });

describe("a second resource added to the spec", () => {
  let dir: string;
  let server: Server;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "video-logs-core-"));
    for (const entry of [
      "openapi",
      "action",
      "generated",
      "scripts",
      "src",
      "schemas",
      "redocly.yaml",
      "package.json",
      "tsconfig.json",
      "tsconfig.build.json",
    ]) {
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    const specPath = join(dir, "openapi/video-logs.openapi.yaml");
    const spec = parse(readFileSync(specPath, "utf8"));
    addRoomSessions(spec);
    writeFileSync(specPath, stringify(spec));
    server = await startServer();
    // Generated and built with no code change: both tests below use what this writes.
    const generated = run(dir, ["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts"]);
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
    const built = run(dir, ["node_modules/tsx/dist/cli.mjs", "scripts/build.ts"]);
    expect(built.stdout + built.stderr).toBe("");
    expect(built.status).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is in the generated operation table as a list and its get-by-id", () => {
    const table = readFileSync(join(dir, "generated/operations.js"), "utf8");
    expect(table).toMatch(/"list_room_sessions": \{[\s\S]*?"list": true,\s*"getById": null/);
    expect(table).toMatch(
      /"get_room_session": \{[\s\S]*?"list": false,\s*"getById": \{\s*"list": "list_room_sessions",\s*"idParameter": "id"/,
    );
  });

  it("is called with types by the client's generic methods", () => {
    mkdirSync(join(dir, "typecheck"));
    writeFileSync(
      join(dir, "typecheck/uses-room-sessions.ts"),
      `import { createVideoLogsClient } from "../src/index.ts";
const client = createVideoLogsClient({ baseUrl: "http://127.0.0.1:1", projectId: "p", apiToken: "t" });
export async function use(): Promise<string[]> {
  const page = await client.list("list_room_sessions", { query: { page_size: 2 } });
  const names: string[] = page.data.map((session) => session.name);
  for await (const session of client.iterate("list_room_sessions")) names.push(session.status);
  const one = await client.get("get_room_session", { path: { id: "${SESSION_A.id}" } });
  names.push(one.created_at);
  // @ts-expect-error a room session has no such field
  names.push(one.room_name);
  // @ts-expect-error the get-by-id operation needs its id
  await client.get("get_room_session", { path: {} });
  // @ts-expect-error a get-by-id operation is not a list operation
  await client.list("get_room_session");
  return names;
}
`,
    );
    writeFileSync(
      join(dir, "typecheck/tsconfig.json"),
      JSON.stringify({ extends: "../tsconfig.json", include: ["."] }),
    );
    const typed = run(dir, ["node_modules/typescript/bin/tsc", "-p", "typecheck/tsconfig.json"]);
    expect(typed.stdout + typed.stderr).toBe("");
    expect(typed.status).toBe(0);
  }, 60_000);

  it("is toured by the built drift check, which flags the drifted field there", async () => {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      join(dir, "run-check.mjs"),
      `import { createVideoLogsClient, runDriftCheck } from "./dist/src/index.js";
const options = { baseUrl: ${JSON.stringify(baseUrl)}, projectId: ${JSON.stringify(PROJECT)}, apiToken: ${JSON.stringify(TOKEN)}, retries: 0 };
const report = await runDriftCheck({
  client: createVideoLogsClient(options),
  wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: "wrong" }),
  target: { baseUrl: options.baseUrl, kind: "base-url" },
  // The conformance checks only: this server answers every listing alike, whatever its parameters.
  checks: ["response-schema", "status-code", "content-type", "not-a-server-error"],
});
process.stdout.write(JSON.stringify(report));
`,
    );
    // Asynchronous: the server answering the check lives in this process.
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["run-check.mjs"], { cwd: dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      exchanges: {
        kind: string;
        operation: string;
        name: string;
        passed: boolean;
        status: number;
        violations: { pointer: string; keyword: string }[];
      }[];
      findings: { check: string; operation: string; status: number; pointer: string; keyword: string; count: number }[];
      plan: { check: string; operation: string; exercised: boolean }[];
    };
    const of = (operation: string, kind: string) =>
      report.exchanges.filter((c) => c.operation === operation && c.kind === kind);

    // Both pages of the new listing, the two sampled sessions and the unknown id.
    expect(of("list_room_sessions", "page").map((c) => c.status)).toEqual([200, 200]);
    expect(of("get_room_session", "sampled-item").map((c) => c.name)).toEqual([
      `get_room_session ${SESSION_A.id}`,
      `get_room_session ${SESSION_B.id}`,
    ]);
    expect(of("get_room_session", "unknown-item").map((c) => [c.status, c.passed])).toEqual([[404, true]]);

    // The drifted field is flagged where it was served, and nowhere else.
    const failed = report.exchanges
      .filter((c) => !c.passed)
      .map((c) => [c.name, c.violations.map((v) => `${v.keyword} ${v.pointer}`)]);
    expect(failed).toEqual([
      ["list_room_sessions page 2 (page_size=5)", ["enum /data/0/status"]],
      [`get_room_session ${SESSION_B.id}`, ["enum /status"]],
    ]);
    // One finding each, the page's item index a `*`.
    expect(report.findings.map((f) => [f.check, f.operation, f.status, f.pointer, f.keyword, f.count])).toEqual([
      ["response-schema", "get_room_session", 200, "/status", "enum", 1],
      ["response-schema", "list_room_sessions", 200, "/data/*/status", "enum", 1],
    ]);
    // Every conformance check is planned, and exercised, on the new operations as on the video-log ones.
    const checks = ["response-schema", "status-code", "content-type", "not-a-server-error"];
    const operations = ["get_log", "get_room_session", "list_logs", "list_room_sessions"];
    expect(report.plan).toEqual(
      checks.flatMap((check) => operations.map((operation) => ({ check, operation, exercised: true }))),
    );
    // The video-log operations are still toured beside them.
    expect(of("list_logs", "page").length).toBeGreaterThan(0);
    expect(of("get_log", "sampled-item").length).toBe(1);
  }, 60_000);
});
