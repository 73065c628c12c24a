// Every property test draws from the one seed (test/helpers/seed.ts) unless it names its own: a run repeats the last
// one's inputs, and a failure's message (fast-check prints the seed and the path) reproduces it.
import fc from "fast-check";
import { SEED } from "../helpers/seed.ts";

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: SEED });
