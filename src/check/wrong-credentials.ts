// The deliberately wrong API token of the 401 probe: not a secret, and one spelling for the CLI, tests and repro.
export const WRONG_API_TOKEN = "not-a-valid-token";
