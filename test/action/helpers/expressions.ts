// The part of GitHub's expression language that action.yml uses, evaluated as the runner does: `${{ … }}` inside
// strings, and the bare expressions of `if:`. Contexts (inputs, steps, github), string literals, ==, !=, &&, ||, !,
// parentheses and the status functions. Anything else throws, so an action.yml this cannot read fails the test.

export interface ExpressionContext {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  github: Record<string, string>;
  /** Whether an earlier step failed: success() is its negation; always() is true either way. */
  failed: boolean;
}

type Value = string | boolean;

const TOKEN = /\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||!|\(|\))|([A-Za-z_][\w.-]*(?:\(\))?))/y;

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.trimEnd().length) {
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`Cannot read the expression ${JSON.stringify(expression)}`);
    tokens.push(match[1] ?? match[2] ?? match[3]!);
  }
  return tokens;
}

function lookup(path: string, context: ExpressionContext): Value {
  const [root, ...rest] = path.split(".");
  if (root === "inputs") return context.inputs[rest.join(".")] ?? "";
  if (root === "github") return context.github[rest.join(".")] ?? "";
  if (root === "steps" && rest[1] === "outputs") return context.steps[rest[0]!]?.outputs[rest.slice(2).join(".")] ?? "";
  throw new Error(`Unknown context ${path}`);
}

const truthy = (value: Value) => value !== "" && value !== false && value !== "false";

/** Recursive descent: or → and → unary → comparison → primary. */
export function evaluate(expression: string, context: ExpressionContext): Value {
  const tokens = tokenize(expression);
  let at = 0;
  const primary = (): Value => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`Unexpected end of ${expression}`);
    if (token === "(") {
      const value = or();
      if (tokens[at++] !== ")") throw new Error(`Missing ) in ${expression}`);
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (token === "always()") return true;
    if (token === "success()") return !context.failed;
    if (token === "failure()") return context.failed;
    if (token === "true" || token === "false") return token === "true";
    return lookup(token, context);
  };
  const comparison = (): Value => {
    const left = primary();
    const op = tokens[at];
    if (op !== "==" && op !== "!=") return left;
    at++;
    const equal = String(left).toLowerCase() === String(primary()).toLowerCase();
    return op === "==" ? equal : !equal;
  };
  const unary = (): Value => {
    if (tokens[at] !== "!") return comparison();
    at++;
    return !truthy(unary());
  };
  const and = (): Value => {
    let value = unary();
    while (tokens[at] === "&&") {
      at++;
      const right = unary();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): Value => {
    let value = and();
    while (tokens[at] === "||") {
      at++;
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`Unexpected ${tokens[at]} in ${expression}`);
  return value;
}

/** A string with `${{ … }}` parts replaced by their values. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));
}

/** An `if:` holds a bare expression or one `${{ … }}`; with no `if:` a step runs on success(). */
export function stepRuns(condition: string | undefined, context: ExpressionContext): boolean {
  if (condition === undefined) return !context.failed;
  const bare = condition.trim().replace(/^\$\{\{(.*)\}\}$/s, "$1");
  const usesStatus = /\b(always|success|failure|cancelled)\(\)/.test(bare);
  return truthy(evaluate(bare, context)) && (usesStatus || !context.failed);
}
