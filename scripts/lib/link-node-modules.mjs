// Run by Stryker in its sandbox (stryker.config.mjs, buildCommand) when the repository's node_modules is a symbolic
// link (a git worktree's), which Stryker does not link into the sandbox: links it to the real directory, the argument.
import { existsSync, symlinkSync } from "node:fs";

const [target] = process.argv.slice(2);
if (!target) throw new Error("usage: link-node-modules.mjs <node_modules directory>");
if (!existsSync("node_modules")) symlinkSync(target, "node_modules", "junction");
