// Vitest globalSetup of the contract-test project: two Prism mocks of the spec, shared by every contract test file.
//   prismUrl         serves the spec's named examples (static mode)
//   prismDynamicUrl  generates bodies from the schemas (`-d --seed 7`, so every run sees the same bodies)
import type { TestProject } from "vitest/node";
import { type PrismServer, startPrismMock } from "../src/mock/start-prism.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
    prismDynamicUrl: string;
  }
}

export const DYNAMIC_SEED = 7;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startPrismMock({}), startPrismMock({ dynamic: true, seed: DYNAMIC_SEED })]);
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stopAll = async (): Promise<void> => {
    await Promise.all(servers.map((server: PrismServer) => server.stop()));
  };
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  const [staticMock, dynamicMock] = servers as [PrismServer, PrismServer];
  project.provide("prismUrl", staticMock.url);
  project.provide("prismDynamicUrl", dynamicMock.url);
  return stopAll;
}
