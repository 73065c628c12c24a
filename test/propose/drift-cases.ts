// The drift cases a proposal must answer, as answers a drifted server sends, each with the spec change it calls for.
import type { ScriptedAnswer } from "../helpers/observed-exchanges.ts";
import { completedLog, deletedLog, pageOf } from "../helpers/sample-bodies.ts";

/** A secret the server leaks under a secret-suggesting name; it must appear nowhere in a proposal. */
export const LEAKED_SECRET = "sk_live_9f8e7d6c5b4a-must-not-appear";
/** An example value built to break Markdown and HTML, were descriptions rendered: they are plain text. */
export const HOSTILE_VALUE =
  "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) `tick` | cell |\n# heading";

const additivePage = () => {
  const page = pageOf(2, { self: "/api/video/logs", first: "/api/video/logs" });
  page.data[0] = {
    ...completedLog,
    id: page.data[0]!.id,
    charge_details: [{ description: "Video room session charge", charge: 0.01, units: 3, unit_price: 0.0033 }],
  } as never;
  page.data[1] = {
    ...completedLog,
    id: page.data[1]!.id,
    charge_details: [{ description: "Recording", charge: 0.02, units: 2.5 }],
  } as never;
  return page;
};

export const DRIFTED_ANSWERS: ScriptedAnswer[] = [
  // additive: new fields in charge_details lines (units is an integer once and a fraction once: a number)
  { operation: "list_logs", status: 200, body: additivePage(), requestId: "req-additive" },
  // breaking: charge as a string
  { operation: "get_log", status: 200, body: { ...completedLog, charge: "0.01" }, requestId: "req-charge" },
  // breaking: a new status value
  { operation: "get_log", status: 200, body: { ...completedLog, status: "failed" }, requestId: "req-status" },
  // breaking: a missing locked
  { operation: "get_log", status: 200, body: { ...completedLog, locked: undefined }, requestId: "req-locked" },
  // breaking: url null
  { operation: "get_log", status: 200, body: { ...completedLog, url: null }, requestId: "req-url" },
  // a deleted log with a new field: only the discarded branch of the union changes
  {
    operation: "get_log",
    status: 200,
    body: { ...deletedLog, deleted_by: "c22d24f6-5a47-4597-9a23-c7d01e696b92" },
    requestId: "req-discarded",
  },
  // an undeclared status with a JSON body
  { operation: "get_log", status: 409, body: { error: "Conflict", retry_in: 30 }, requestId: "req-409" },
  // a body that is not JSON
  {
    operation: "get_log",
    status: 200,
    body: "<html><body>maintenance</body></html>",
    contentType: "text/html",
    requestId: "req-html",
  },
  // a secret-named property and a hostile example value
  {
    operation: "get_log",
    status: 200,
    body: { ...completedLog, api_key: LEAKED_SECRET, note: HOSTILE_VALUE },
    requestId: "req-hostile",
  },
];

/** The spec changes `video-logs diff` must show for these answers, by the pointer into the patched spec. */
export const EXPECTED_DIFFERENCES = [
  { level: "breaking", kind: "became-nullable", theirs: "/components/schemas/Log/properties/url" },
  { level: "breaking", kind: "enum-values-added", theirs: "/components/schemas/LogStatus" },
  { level: "breaking", kind: "became-optional", theirs: "/components/schemas/Log/properties/locked" },
  { level: "breaking", kind: "type-widened", theirs: "/components/schemas/Log/properties/charge" },
  {
    level: "non-breaking",
    kind: "optional-property-added",
    theirs: "/components/schemas/ChargeDetail/properties/unit_price",
  },
  {
    level: "non-breaking",
    kind: "optional-property-added",
    theirs: "/components/schemas/ChargeDetail/properties/units",
  },
  {
    level: "non-breaking",
    kind: "optional-property-added",
    theirs: "/components/schemas/DiscardedLog/properties/deleted_by",
  },
  { level: "non-breaking", kind: "optional-property-added", theirs: "/components/schemas/Log/properties/api_key" },
  { level: "non-breaking", kind: "optional-property-added", theirs: "/components/schemas/Log/properties/note" },
  { level: "non-breaking", kind: "response-status-added", theirs: "/paths/~1api~1video~1logs~1{id}/get/responses/409" },
];
