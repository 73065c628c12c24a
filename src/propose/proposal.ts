// A spec change proposed from observed responses: feed it every exchange a check judged (in any order), then ask for
// the Overlay document whose actions make every observed JSON response valid and change nothing else.
import type { Exchange } from "../client/exchange.ts";
import { loadSpec } from "../openapi/load-spec.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { Observations } from "./observations.ts";
import { ResponseObserver } from "./observe-response.ts";
import { ObservedBodies } from "./observed-bodies.ts";
import { NOTHING_TO_PROPOSE, type OverlayDocument, overlayDocument, overlayYaml } from "./overlay-document.ts";
import { verifiedActions } from "./verified-actions.ts";

export class Proposal {
  private readonly observations = new Observations();
  private readonly bodies = new ObservedBodies();
  private readonly observer: ResponseObserver;

  /** @param spec the spec the responses were judged against; by default the toolkit's own */
  constructor(private readonly spec: OpenApiDocument = loadSpec()) {
    this.observer = new ResponseObserver(spec, this.observations, this.bodies);
  }

  /** One response, as the check judged it. */
  readonly observe = (exchange: Exchange): void => this.observer.observe(exchange);

  /** How many responses were observed. */
  get responses(): number {
    return this.observations.responses;
  }

  /** Verified before it is returned (verified-actions.ts): every action applies and keeps the spec sound. */
  document(): OverlayDocument {
    const { actions, notProposed } = verifiedActions(this.spec, this.observations, this.bodies.list(), (chosen) =>
      overlayYaml(overlayDocument(this.spec, chosen, [])),
    );
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
