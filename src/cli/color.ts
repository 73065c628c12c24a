// Whether a command colours what it writes to a stream: FORCE_COLOR, then NO_COLOR, then whether it is a terminal.

/**
 * FORCE_COLOR set to anything but `0` or `false` turns colour on (it wins, as in Node.js itself); NO_COLOR set to
 * anything non-empty turns it off (https://no-color.org); otherwise colour only on a terminal.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY);
}
