// A spec change proposed from observed responses: feed it every exchange a check judged (in any order), then ask for
// the Overlay document whose actions make every observed JSON response valid and change nothing else.
import type { Exchange } from "../client/exchange.ts";
import { loadSpec } from "../openapi/load-spec.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { buildActions } from "./build-actions.ts";
import { Observations } from "./observations.ts";
import { ResponseObserver } from "./observe-response.ts";
import { NOTHING_TO_PROPOSE, type OverlayDocument, overlayDocument, overlayYaml } from "./overlay-document.ts";

export class Proposal {
  private readonly observations = new Observations();
  private readonly observer: ResponseObserver;

  /** @param spec the spec the responses were judged against; by default the toolkit's own */
  constructor(private readonly spec: OpenApiDocument = loadSpec()) {
    this.observer = new ResponseObserver(spec, this.observations);
  }

  /** One response, as the check judged it. */
  readonly observe = (exchange: Exchange): void => this.observer.observe(exchange);

  /** How many responses were observed. */
  get responses(): number {
    return this.observations.responses;
  }

  document(): OverlayDocument {
    const { actions, notProposed } = buildActions(this.spec, this.observations);
    return overlayDocument(this.spec, actions, notProposed);
  }

  yaml(): string {
    return overlayYaml(this.document());
  }

  /** The YAML with what it holds: the spec changes proposed (0 when only the no-op action is written) and those not. */
  render(): { yaml: string; actions: number; notProposed: number } {
    const document = this.document();
    const actions = document.actions.includes(NOTHING_TO_PROPOSE) ? 0 : document.actions.length;
    return { yaml: overlayYaml(document), actions, notProposed: document["x-not-proposed"]?.length ?? 0 };
  }
}
