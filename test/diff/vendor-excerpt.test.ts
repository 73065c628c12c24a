// Our spec against the vendor's published excerpt, when the excerpt is available (CI keeps it next to the repo).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffCommand } from "../../src/cli/commands/diff.ts";
import { captureIo, changed, diff, OUR_SPEC_PATH, readYaml, writeTemp } from "./helpers.ts";

const VENDOR_PATH = fileURLToPath(
  new URL("../../../shared/upstream/signalwire-video-logs.openapi.yaml", import.meta.url),
);
const present = existsSync(VENDOR_PATH);

describe("our spec against the vendor's excerpt", () => {
  if (!present) {
    it.skip(`needs the vendor excerpt at ${VENDOR_PATH}, which is missing: skipped`, () => {});
    return;
  }
  const ours = readYaml(OUR_SPEC_PATH);
  const vendor = readYaml(VENDOR_PATH);

  it("differs only in the date filters, which the vendor leaves as plain strings", () => {
    const report = diff(ours, vendor);
    expect(report.summary).toEqual({ breaking: 0, nonBreaking: 3, informational: 0 });
    expect(report.differences).toEqual(
      ["created_before", "created_on", "created_after"].map((name) => ({
        level: "non-breaking",
        kind: "format-widened",
        message: `Query parameter ${name} format changed from date | date-time to any`,
        operation: "GET /api/video/logs",
        ours: "/components/schemas/DateOrDateTime",
        theirs: `/components/parameters/Video.ListLogsRequest.${name}/schema`,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      })),
    );
  });

  it("sees through the vendor's component names: a rename in Video.Log is one removal and one addition", () => {
    const renamed = changed(vendor, (doc) => {
      const log = doc.components.schemas["Video.Log"];
      log.properties.start_time = log.properties.started_at;
      delete log.properties.started_at;
      log.required = log.required.map((name: string) => (name === "started_at" ? "start_time" : name));
    });
    const kinds = diff(ours, renamed).differences.filter((d) => d.kind !== "format-widened");
    expect(kinds).toEqual([
      expect.objectContaining({
        kind: "property-removed",
        level: "breaking",
        ours: "/components/schemas/Log/properties/started_at",
        theirs: null,
      }),
      expect.objectContaining({
        kind: "required-property-added",
        ours: null,
        theirs: "/components/schemas/Video.Log/properties/start_time",
      }),
    ]);
  });

  it("exits 1 by default and 0 with --fail-on breaking", async () => {
    const byDefault = captureIo();
    expect(await diffCommand([VENDOR_PATH], byDefault.io)).toBe(1);
    const onlyBreaking = captureIo();
    expect(await diffCommand([VENDOR_PATH, "--fail-on", "breaking"], onlyBreaking.io)).toBe(0);
    expect(onlyBreaking.stdout()).toContain("3 differences: 0 breaking, 3 non-breaking, 0 informational");
  });

  it("exits 1 when the vendor makes a response field nullable", async () => {
    const nullable = changed(
      vendor,
      (doc) => (doc.components.schemas["Video.Log"].properties.url = { anyOf: [{ type: "string" }, { type: "null" }] }),
    );
    const io = captureIo();
    expect(await diffCommand([writeTemp(nullable), "--fail-on", "breaking", "--format", "json"], io.io)).toBe(1);
    expect(JSON.parse(io.stdout()).differences).toContainEqual(
      expect.objectContaining({
        kind: "became-nullable",
        level: "breaking",
        ours: "/components/schemas/Log/properties/url",
        theirs: "/components/schemas/Video.Log/properties/url",
      }),
    );
  });
});
