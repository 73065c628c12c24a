import { VideoLogsError } from "../../errors/video-logs-error.ts";
import type { ProbeIdentity } from "../tour/tour-transport.ts";

/**
 * `check --replay`: a planned request the recording holds no answer for. Its result is a request without a response,
 * so the replay is incomplete (exit 2), as the live run was when that request got none.
 */
export class ReplayMissError extends VideoLogsError {
  override name = "ReplayMissError";

  constructor(
    readonly probe: ProbeIdentity,
    why: string,
  ) {
    super(`The recording holds no answer for ${probe.request} (attempt ${probe.attempt}): ${why}`);
  }
}
