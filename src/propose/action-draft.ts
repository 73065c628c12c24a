// The overlay as it is being built: each action is recorded and applied to a working copy of the spec as it is made,
// and what cannot be proposed is recorded beside the actions, with the reason.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import type { Evidence } from "./evidence.ts";
import { childPointer, jsonPathOfPointer } from "./json-path.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import { WorkingCopy } from "./working-copy.ts";

export class ActionDraft {
  readonly working: WorkingCopy;
  readonly actions: OverlayAction[] = [];
  readonly notProposed: NotProposed[] = [];

  constructor(spec: OpenApiDocument) {
    this.working = new WorkingCopy(spec);
  }

  remove(pointer: string, description: string): void {
    this.actions.push({ target: jsonPathOfPointer(pointer), description, remove: true });
    this.working.remove(pointer);
  }

  update(pointer: string, description: string, change: Record<string, unknown>): void {
    this.actions.push({ target: jsonPathOfPointer(pointer), description, update: change });
    this.working.update(pointer, change);
  }

  /** Remove the list, then write the new one: the only replacement every Overlay tool performs alike. */
  replaceList(pointer: string, keyword: string, list: unknown[] | undefined, summary: string, evidence: string): void {
    const steps = list ? 2 : 1;
    this.remove(
      childPointer(pointer, keyword),
      `${summary} Step 1 of ${steps}: remove the old \`${keyword}\`. ${evidence}`,
    );
    if (list)
      this.update(pointer, `${summary} Step 2 of 2: write the new \`${keyword}\`. ${evidence}`, { [keyword]: list });
  }

  /** Records what is not proposed; `where` is by default the responses it was seen in. */
  refuse(reason: string, evidence: Evidence, where = evidence.placeList().join(", ")): void {
    this.notProposed.push({ where, reason, observations: evidence.count, requests: evidence.requestList() });
  }
}
