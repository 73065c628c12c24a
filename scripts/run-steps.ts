// `npm test`'s gates: runs npm scripts in order and prints each one's wall time. `a+b+c` runs a, b and c at once; the
// output of each script is shown when it ends, so lines never interleave. Stops at the first failure with that
// script's exit code.
import { spawn } from "node:child_process";

interface Finished {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

function runScript(name: string): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

for (const group of process.argv.slice(2)) {
  const results = await Promise.all(group.split("+").map(runScript));
  for (const { name, code, output, seconds } of results) {
    process.stdout.write(output);
    console.log(`${name}: ${seconds.toFixed(1)} s${code === 0 ? "" : `, exit ${code}`}`);
  }
  const failed = results.find((result) => result.code !== 0);
  if (failed) process.exit(failed.code);
}
