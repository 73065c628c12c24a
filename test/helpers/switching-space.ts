// A stand-in Space whose drift changes from run to run at one address: a front server on a fixed port forwards every
// request to a stand-in Space started with the fault set chosen last (each set started once, on first use). A drift
// history compares runs of the same target, so the runs it judges must all see this one base URL.
import { request } from "node:http";
import { type LocalServer, startLocalServer } from "./local-server.ts";
import { type Fault, startStandInSpace } from "./stand-in-space.ts";

export interface SwitchingSpace extends LocalServer {
  /** From now on, answer as a stand-in Space with these faults. */
  use(faults: readonly Fault[]): Promise<void>;
}

export async function startSwitchingSpace(): Promise<SwitchingSpace> {
  const spaces = new Map<string, LocalServer>();
  let current: LocalServer | undefined;
  const front = await startLocalServer(
    (req, res) =>
      new Promise<void>((resolve, reject) => {
        const target = new URL(req.url ?? "/", current!.origin);
        const forwarded = request(target, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res).on("finish", resolve);
        });
        forwarded.on("error", reject);
        req.pipe(forwarded);
      }),
  );
  return {
    ...front,
    async use(faults) {
      const key = [...faults].sort().join(",");
      if (!spaces.has(key)) spaces.set(key, await startStandInSpace({ faults }));
      current = spaces.get(key);
    },
    async close() {
      await front.close();
      await Promise.all([...spaces.values()].map((space) => space.close()));
    },
  };
}
