// The streamed recording's size bound, on its own so that the CLI's flag table can read it without the reader.

/** The largest recording read as a stream, 4 GiB: memory does not grow with it, only the time. */
export const MAX_RECORDING_BYTES = 4 * 1024 ** 3;
