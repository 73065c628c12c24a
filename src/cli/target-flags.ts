// The flags that name the API a command talks to, shared by the tables of check, get and list.
import type { FlagRow } from "./flag-table.ts";

export const BASE_URL_FLAG = {
  name: "base-url",
  type: "string",
  placeholder: "URL",
  description: "any server speaking the API (https, or http on loopback)",
} as const satisfies FlagRow;

export const SPACE_FLAG = {
  name: "space",
  type: "string",
  placeholder: "NAME",
  description: "your Space: example or example.signalwire.com (default: SIGNALWIRE_SPACE)",
} as const satisfies FlagRow;
