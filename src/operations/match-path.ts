// Which operation of the spec a request is: its method and path matched against every path template of the operation
// table, so a new operation in the spec is matched with no code here. Paths match exactly (no trailing slash, no
// case folding), as the spec writes them; a template parameter matches one non-empty path segment.
import { perSpec } from "./active-spec.ts";
import { allOperations, type Operation } from "./operation-table.ts";

export interface PathMatch {
  operation: Operation;
  /** The path parameters, percent-decoded where the encoding is valid. */
  path: Record<string, string>;
}

interface Route {
  operation: Operation;
  pattern: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function routeOf(operation: Operation): Route {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { operation, pattern: new RegExp(`^${source}$`), names };
}

// As OpenAPI says, a concrete path wins over a templated one that also matches: fewer parameters first.
const routes = perSpec((): Route[] =>
  allOperations()
    .map(routeOf)
    .sort((a, b) => a.names.length - b.names.length),
);

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The operations whose path template matches `pathname` (a URL's path, still percent-encoded), any method. */
export function operationsAtPath(pathname: string): PathMatch[] {
  return routes().flatMap((route) => {
    const found = route.pattern.exec(pathname);
    if (!found) return [];
    return [
      {
        operation: route.operation,
        path: Object.fromEntries(route.names.map((name, i) => [name, decode(found[i + 1]!)])),
      },
    ];
  });
}

/** The operation a request with this method and path is, if the spec has one. */
export function matchOperation(method: string, pathname: string): PathMatch | undefined {
  return operationsAtPath(pathname).find((match) => match.operation.method.toUpperCase() === method.toUpperCase());
}
