// The overlay as it is being built: each action is recorded and applied to a working copy of the spec as it is made,
// and what cannot be proposed is recorded beside the actions, with the reason. Each action belongs to one change
// (change-keys.ts); a change that verification refused is recorded as not proposed instead of being made.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import type { Evidence } from "./evidence.ts";
import { childPointer, jsonPathOfPointer } from "./json-path.ts";
import type { NotProposed, OverlayAction } from "./overlay-action.ts";
import { WorkingCopy } from "./working-copy.ts";

export class ActionDraft {
  readonly working: WorkingCopy;
  readonly actions: OverlayAction[] = [];
  /** The key of the change each action belongs to, by the action's index. */
  readonly actionKeys: string[] = [];
  readonly notProposed: NotProposed[] = [];
  /** The keys of the changes recorded as not proposed. */
  readonly refusedKeys = new Set<string>();
  private key = "";

  /** @param excluded changes verification refused, by key, with the reason */
  constructor(
    spec: OpenApiDocument,
    private readonly excluded: ReadonlyMap<string, string> = new Map(),
  ) {
    this.working = new WorkingCopy(spec);
  }

  /** Starts the change `key`: false, and the change recorded as not proposed, when verification refused it. */
  change(key: string, evidence: () => Evidence): boolean {
    const reason = this.excluded.get(key);
    this.key = key;
    if (reason === undefined) return true;
    this.refuse(reason, evidence());
    return false;
  }

  remove(pointer: string, description: string): void {
    this.actions.push({ target: jsonPathOfPointer(pointer), description, remove: true });
    this.actionKeys.push(this.key);
    this.working.remove(pointer);
  }

  update(pointer: string, description: string, change: Record<string, unknown>): void {
    this.actions.push({ target: jsonPathOfPointer(pointer), description, update: change });
    this.actionKeys.push(this.key);
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

  /** Records what is not proposed, under the current change's key; `where` is by default the responses it was seen in. */
  refuse(reason: string, evidence: Evidence, where = evidence.placeList().join(", ")): void {
    this.notProposed.push({ where, reason, observations: evidence.count, requests: evidence.requestList() });
    this.refusedKeys.add(this.key);
  }
}
