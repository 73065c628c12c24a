// The package's data files as a consumer finds them: each subpath given on the command line, resolved through the
// package's `exports` with import.meta.resolve (ESM) and with require.resolve (CommonJS). Prints both paths per subpath.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const resolved = Object.fromEntries(
  process.argv
    .slice(2)
    .map((subpath) => [
      subpath,
      { import: fileURLToPath(import.meta.resolve(subpath)), require: require.resolve(subpath) },
    ]),
);
console.log(JSON.stringify(resolved));
