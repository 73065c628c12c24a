#!/usr/bin/env node
// Entry point of the `video-logs` command: runs the compiled CLI (`npm run build` makes dist/).
import { runCli } from "../dist/src/cli/main.js";

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
