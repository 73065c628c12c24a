// The evidence behind one proposed change, gathered in any order and rendered the same way whatever the order: how
// many observations, in which responses, one example value (the smallest rendering) and the request ids.
import { renderExample } from "./example-value.ts";
import type { ObservedIn } from "./observation.ts";

/** Request ids listed in a description; the rest are counted. */
const LISTED_REQUESTS = 5;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class Evidence {
  count = 0;
  private readonly places = new Set<string>();
  private readonly requests = new Set<string>();
  private example: string | undefined;
  /** Whether a value was seen under a property whose name suggests a secret. */
  secret = false;

  /** One observation; `value` undefined when the evidence is an absence. */
  add(observed: ObservedIn, value?: unknown, secret = false): void {
    this.count++;
    this.places.add(observed.place);
    this.requests.add(observed.request);
    if (secret) this.secret = true;
    if (value === undefined) return;
    const rendered = renderExample(value, secret, observed.redactor);
    // The smallest rendering wins, so the example does not depend on the order the responses came in.
    if (this.example === undefined || byCodeUnit(rendered, this.example) < 0) this.example = rendered;
  }

  /** Takes in another's observations, as if they had been added here. */
  merge(other: Evidence): void {
    this.count += other.count;
    for (const place of other.places) this.places.add(place);
    for (const request of other.requests) this.requests.add(request);
    if (other.secret) this.secret = true;
    if (other.example !== undefined && (this.example === undefined || byCodeUnit(other.example, this.example) < 0))
      this.example = other.example;
  }

  /** The responses it was seen in (`get_log 200`), sorted. */
  placeList(): string[] {
    return [...this.places].sort(byCodeUnit);
  }

  /** The request labels, sorted. */
  requestList(): string[] {
    return [...this.requests].sort(byCodeUnit);
  }

  /**
   * `3 observations (get_log 200, list_logs 200); example: …; requests: …`, as plain text: the request ids and names
   * as they came (already redacted and cut), for the YAML to escape as YAML does.
   */
  describe(): string {
    const places = [...this.places].sort(byCodeUnit).join(", ");
    const parts = [`${this.count} observation${this.count === 1 ? "" : "s"} (${places})`];
    if (this.secret) parts.push("example withheld: the property's name suggests a secret");
    else if (this.example !== undefined) parts.push(`example: ${this.example}`);
    const requests = [...this.requests].sort(byCodeUnit);
    const listed = requests.slice(0, LISTED_REQUESTS).join(", ");
    const more = requests.length > LISTED_REQUESTS ? ` and ${requests.length - LISTED_REQUESTS} more` : "";
    parts.push(`requests: ${listed}${more}`);
    return `Evidence: ${parts.join("; ")}.`;
  }
}
