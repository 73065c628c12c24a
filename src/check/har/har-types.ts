// The parts of a HAR 1.2 file the recording check reads. The file is checked against the HAR schema first
// (har-schema.ts), so these fields have these types; everything else a recorder adds is left alone.

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  /** Absent when the recorder did not keep the body. */
  text?: string;
  /** `base64` when `text` holds the body's bytes in base64; absent for text. */
  encoding?: string;
}

export interface HarEntry {
  /** Milliseconds the exchange took, as recorded. */
  time: number;
  request: {
    method: string;
    url: string;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    queryString: HarNameValue[];
  };
  response: {
    status: number;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    content: HarContent;
  };
}

export interface HarLog {
  log: { entries: HarEntry[] };
}
