// A tiny stand-in for the real Video Logs API that serves recorded responses from a fixture set on disk.
// Unlike Prism it answers with exactly what was recorded, drift included, so the contract tests and the drift check can
// be pointed at something that behaves like a real (and possibly misbehaving) server. See
// contract-tests/fixtures/replay/README.md for the fixture format.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDiscardedForm } from "../../src/operations/discarded-form.ts";
import { getByIdOperations, listOperations, parameterWith } from "../../src/operations/operation-table.ts";

export const REPLAY_FIXTURES_DIR = fileURLToPath(new URL("../fixtures/replay/", import.meta.url));

/** The fixture sets shipped with the repository. */
export type FixtureSetName = "clean" | "drifted";

export interface ReplayServerOptions {
  /** A set name (a folder of contract-tests/fixtures/replay/) or an absolute path to a set folder. */
  fixtureSet: FixtureSetName | (string & {});
  /** With both `projectId` and `apiToken`, every request must carry them as HTTP Basic credentials. */
  projectId?: string;
  apiToken?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** Whether the request got past the credential check (always true when no credentials are configured). */
  authorized: boolean;
}

export interface ReplayServer {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request received so far, in order. */
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** One recorded page of `GET /api/video/logs`. */
interface RecordedPage {
  /** The `page_token` that selects this page; null for the first page (requested without a token). */
  page_token: string | null;
  body: { links?: Record<string, unknown>; data?: unknown[] } & Record<string, unknown>;
}

interface FixtureSet {
  pages: RecordedPage[];
  /** Bodies of `GET /api/video/logs/{id}` by id. */
  logs: Map<string, unknown>;
  /** Error bodies by status code, replacing the spec-shaped defaults. */
  errors: Record<string, unknown>;
}

// The routes and parameter meanings come from the spec's operation table: the recording is of its first list
// operation and the get-by-id operation listed under it.
const LIST = listOperations()[0]!;
const LIST_PATH = LIST.path;
const GET_BY_ID = getByIdOperations().find((operation) => operation.getById?.list === LIST.operationId)!;
const ID_PARAMETER = GET_BY_ID.parameters.find((p) => p.name === GET_BY_ID.getById!.idParameter)!;
const INCLUDES_DISCARDED = parameterWith(LIST, "x-includes-discarded")?.name;
const PAGE_SIZE = parameterWith(LIST, "x-page-size");
const PAGE_SIZE_BOUNDS = PAGE_SIZE?.schema as { minimum?: number; maximum?: number } | undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERROR_CODES_URL = "https://signalwire.com/docs/apis/error-codes";

const DEFAULT_ERRORS: Record<string, unknown> = {
  "401": { error: "Unauthorized" },
  "404": { error: "Not Found" },
};

/** Reads and checks a fixture set folder. Exported so tests can look at what is being served. */
export function loadFixtureSet(fixtureSet: string): FixtureSet {
  const dir = fixtureSet.startsWith("/") ? fixtureSet : join(REPLAY_FIXTURES_DIR, fixtureSet);
  const pagesFile = join(dir, "pages.json");
  if (!existsSync(pagesFile))
    throw new Error(`replay fixture set "${fixtureSet}" has no pages.json (looked in ${dir})`);
  const pages = JSON.parse(readFileSync(pagesFile, "utf8")) as RecordedPage[];
  if (!Array.isArray(pages) || pages.length === 0) throw new Error(`${pagesFile}: expected a non-empty array of pages`);
  if (pages.filter((page) => page.page_token === null).length !== 1) {
    throw new Error(`${pagesFile}: exactly one page must have "page_token": null (the first page)`);
  }

  const logs = new Map<string, unknown>();
  // Every log listed on a page can be fetched by id, in the form it was listed in...
  for (const page of pages) {
    for (const item of page.body.data ?? []) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === "string") logs.set(id, item);
    }
  }
  // ...unless the set recorded a separate response for it in logs/<id>.json.
  const logsDir = join(dir, "logs");
  if (existsSync(logsDir)) {
    for (const file of readdirSync(logsDir).filter((name) => name.endsWith(".json"))) {
      logs.set(file.slice(0, -".json".length), JSON.parse(readFileSync(join(logsDir, file), "utf8")));
    }
  }

  const errorsFile = join(dir, "errors.json");
  const errors = existsSync(errorsFile)
    ? (JSON.parse(readFileSync(errorsFile, "utf8")) as Record<string, unknown>)
    : {};
  return { pages, logs, errors };
}

/** Starts the replay server on 127.0.0.1 on a free port. */
export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  const set = loadFixtureSet(options.fixtureSet);
  const requests: RecordedRequest[] = [];
  const expectedAuthorization =
    options.projectId !== undefined && options.apiToken !== undefined
      ? `Basic ${Buffer.from(`${options.projectId}:${options.apiToken}`).toString("base64")}`
      : undefined;
  let origin = "";

  const server = createServer((request, response) => {
    const authorized = expectedAuthorization === undefined || request.headers.authorization === expectedAuthorization;
    requests.push({ method: request.method ?? "GET", url: request.url ?? "/", authorized });
    try {
      handle(request, response, authorized);
    } catch (error) {
      sendJson(response, 500, { error: "Internal Server Error" });
      console.error("replay server failed:", error);
    }
  });

  function errorBody(status: number): unknown {
    return substituteOrigin(
      set.errors[String(status)] ?? DEFAULT_ERRORS[String(status)] ?? { error: "Unknown" },
      origin,
    );
  }

  function unprocessable(response: ServerResponse, attribute: string, message: string): void {
    sendJson(response, 422, {
      errors: [{ type: "validation_error", code: "invalid_parameter", message, attribute, url: ERROR_CODES_URL }],
    });
  }

  function handle(request: IncomingMessage, response: ServerResponse, authorized: boolean): void {
    if (!authorized) {
      response.setHeader("www-authenticate", 'Basic realm="SignalWire"');
      sendJson(response, 401, errorBody(401));
      return;
    }
    const url = new URL(request.url ?? "/", origin);
    const path = url.pathname.replace(/\/+$/, "");
    const isList = path === LIST_PATH;
    const idMatch = path.startsWith(`${LIST_PATH}/`) ? path.slice(LIST_PATH.length + 1) : undefined;
    if (!isList && (idMatch === undefined || idMatch.includes("/"))) {
      sendJson(response, 404, errorBody(404));
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("allow", "GET, HEAD");
      sendJson(response, 405, { error: "Method Not Allowed" });
      return;
    }

    if (idMatch !== undefined) {
      const id = decodeURIComponent(idMatch);
      const uuid = (ID_PARAMETER.schema as { format?: unknown }).format === "uuid";
      if (uuid && !UUID.test(id)) {
        unprocessable(response, ID_PARAMETER.name, "Id must be a valid UUID");
        return;
      }
      const log = set.logs.get(id.toLowerCase()) ?? set.logs.get(id);
      if (log === undefined) sendJson(response, 404, errorBody(404));
      else sendJson(response, 200, substituteOrigin(log, origin));
      return;
    }

    const includeDeleted = INCLUDES_DISCARDED === undefined ? null : url.searchParams.get(INCLUDES_DISCARDED);
    if (includeDeleted !== null && includeDeleted !== "true" && includeDeleted !== "false") {
      unprocessable(response, INCLUDES_DISCARDED!, "Include deleted must be true or false");
      return;
    }
    const pageSize = PAGE_SIZE === undefined ? null : url.searchParams.get(PAGE_SIZE.name);
    const [min, max] = [PAGE_SIZE_BOUNDS?.minimum ?? 1, PAGE_SIZE_BOUNDS?.maximum ?? Number.MAX_SAFE_INTEGER];
    if (pageSize !== null && !(/^\d+$/.test(pageSize) && Number(pageSize) >= min && Number(pageSize) <= max)) {
      unprocessable(response, PAGE_SIZE!.name, `Page size must be between ${min} and ${max}`);
      return;
    }
    const token = url.searchParams.get("page_token");
    const page = set.pages.find((candidate) => candidate.page_token === token);
    if (!page) {
      unprocessable(response, "page_token", "Page token is not valid");
      return;
    }
    sendJson(response, 200, renderPage(page, origin, includeDeleted === "true"));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
    return stopping;
  };
  return { url: origin, requests, stop };
}

/**
 * A recorded page as served: `{{origin}}` replaced, deleted (discarded) logs left out unless `include_deleted=true`,
 * and in that case the filter carried over into every link, as the real API does with its filters.
 */
function renderPage(page: RecordedPage, origin: string, includeDeleted: boolean): unknown {
  const body = substituteOrigin(page.body, origin) as RecordedPage["body"];
  if (Array.isArray(body.data) && !includeDeleted) {
    body.data = body.data.filter((item) => !isDiscarded(item));
  }
  if (includeDeleted && body.links && typeof body.links === "object") {
    for (const [name, link] of Object.entries(body.links)) {
      if (typeof link === "string") body.links[name] = withQueryParameter(link, origin, INCLUDES_DISCARDED!, "true");
    }
  }
  return body;
}

const isDiscarded = isDiscardedForm;

/** Adds a query parameter to a link, keeping it absolute or relative as it was. */
function withQueryParameter(link: string, origin: string, name: string, value: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(link);
  const url = new URL(link, origin);
  url.searchParams.set(name, value);
  return absolute ? url.href : `${url.pathname}${url.search}`;
}

/** A deep copy of a recorded value with every `{{origin}}` in its strings replaced by the server's origin. */
function substituteOrigin(value: unknown, origin: string): unknown {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === "string" ? item.replaceAll("{{origin}}", origin) : item,
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(response.req.method === "HEAD" ? undefined : text);
}
