// The duplicate-key refusal of duplicate-key.ts for a file read as a stream: fed the tokenizer's tokens one by one, it
// keeps a set of names per open object only, and says where the first key that repeats one before it is.
import { TokenType } from "@streamparser/json";
import { escapeToken } from "../../openapi/json-pointer.ts";

type Frame = { names: Set<string>; name: string | undefined; wantName: boolean } | { index: number };

export class DuplicateKeyTracker {
  readonly #stack: Frame[] = [];
  /** The pointer of the first repeated key, once one is seen. */
  duplicate: string | undefined;

  /** One token of the document, in order. */
  token(token: TokenType, value: unknown): void {
    const top = this.#stack.at(-1);
    switch (token) {
      case TokenType.LEFT_BRACE:
        this.#stack.push({ names: new Set(), name: undefined, wantName: true });
        break;
      case TokenType.LEFT_BRACKET:
        this.#stack.push({ index: 0 });
        break;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.#stack.pop();
        break;
      case TokenType.COMMA:
        if (top && "index" in top) top.index++;
        else if (top) top.wantName = true;
        break;
      case TokenType.STRING:
        if (top && "names" in top && top.wantName) this.#name(top, value as string);
        break;
      default:
    }
  }

  #name(top: { names: Set<string>; name: string | undefined; wantName: boolean }, name: string): void {
    if (top.names.has(name)) {
      this.duplicate ??= this.#pointerTo(name);
      return;
    }
    top.names.add(name);
    top.name = name;
    top.wantName = false;
  }

  #pointerTo(name: string): string {
    const tokens = this.#stack.slice(0, -1).map((frame) => ("index" in frame ? String(frame.index) : frame.name!));
    return [...tokens, name].map((token) => `/${escapeToken(token)}`).join("");
  }
}
