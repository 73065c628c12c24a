// The recording's size bound, on its own so that the package entry can export it without loading the HAR reader.

/**
 * The largest recording read, 256 MiB: a long browser session with its bodies stays well under it, and the file, its
 * text and its parsed form together stay within a default Node.js heap.
 */
export const MAX_HAR_BYTES = 256 * 1024 * 1024;
