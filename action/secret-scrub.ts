// The API token never leaves the step: every text the action writes (summary, annotations, comment, issue, outputs)
// passes through this, even though the CLI's reports never hold it, in case a server echoes it back in some new way.

/** Replaces each secret, in its plain, URL-encoded and Basic-auth forms, with `***`. */
export function secretScrubber(secrets: { projectId: string; apiToken: string }): (text: string) => string {
  const { projectId, apiToken } = secrets;
  if (apiToken === "") return (text) => text;
  const forms = new Set([
    apiToken,
    encodeURIComponent(apiToken),
    Buffer.from(`${projectId}:${apiToken}`).toString("base64"),
  ]);
  // The longest first, so a form holding another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((scrubbed, form) => scrubbed.replaceAll(form, "***"), text);
}
