// `video-logs proxy --help`: what the proxy does, then its options, generated from PROXY_FLAGS.
import { optionsHelp } from "../flag-table.ts";
import { PROXY_FLAGS } from "./proxy-flags.ts";

export const PROXY_HELP = `Usage: video-logs proxy --upstream URL [options]

A validating reverse proxy: point an application's base URL at it, in any language. Each request goes to the
upstream with the application's own headers and credentials (Host rewritten, hop-by-hop headers per hop); the response
comes back as the upstream sent it: status, headers and body bytes, whatever its size, compression or chunking. Each
response of an operation of the spec is judged by the checks of one response, as check --har judges a recording
(response-schema, status-code, content-type, not-a-server-error), and grouped into findings by fingerprint.

It is never an open proxy: a request target that is not a path (an absolute URL, *) and CONNECT get 400, and only the
upstream's origin is contacted. An upstream that is down gives 502, one that does not answer in time 504, each with a
JSON body naming the upstream. A client that goes away aborts its upstream request.

Once ready it prints \`video-logs proxy listening on http://HOST:PORT -> UPSTREAM\` on stderr.

${optionsHelp(PROXY_FLAGS)}

Ctrl-C (or SIGTERM) stops it: the reports, the proposal, the history's run and the recording are written, then it
exits. Credentials (Authorization, cookies, secret-named parameters) are collected to redact them: none reaches a
report, a proposal or a recording.

Exit: 0 no breaking drift, or nothing judged (with a note); 1 drift found; 2 usage, a port that cannot be used, a
--history file that is not a history.
`;
