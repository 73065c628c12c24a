// A command's flags as one table: the option spec given to the parser and the option lines of the help are both derived
// from it, so the help lists every flag the parser accepts, with the default and bounds the flag is read with.

/** A whole-number flag's bounds, and its default when it has one (a row of a defaults table fits). */
export interface WholeNumberRange {
  min: number;
  max: number;
  value?: number;
}

export interface FlagRow {
  /** Without the dashes: `base-url`. */
  readonly name: string;
  /** One letter for `-x`. */
  readonly short?: string;
  /** A switch (`boolean`) or a flag that takes a value (`string`). */
  readonly type: "string" | "boolean";
  /** Given more than once, every value is kept. */
  readonly multiple?: boolean;
  /** What the value looks like in the help: N, FILE, URL. */
  readonly placeholder?: string;
  /** What the flag does, for the help; wrapped there, and followed by the range of a whole number. */
  readonly description: string;
  /** A whole number: its bounds and default, from the defaults table it is read with. */
  readonly range?: WholeNumberRange;
  /** A whole number without a default value: what leaving it out means ("all", "a free one"). */
  readonly unset?: string;
}

/** Flags shown together in the help, under their heading. */
export interface FlagGroup {
  readonly heading: string;
  /** The flags choose a target or steer the requests of a live check: a check of a recording refuses them. */
  readonly liveOnly?: boolean;
  readonly flags: readonly FlagRow[];
}

export type FlagTable = readonly FlagGroup[];

/** `-h, --help`: every command's table lists it; the parser accepts it on its own, with `-h`. */
export const HELP_FLAG = { name: "help", short: "h", type: "boolean", description: "this help" } as const;

type RowOf<T extends FlagTable> = T[number]["flags"][number];

/** The parser's option spec of a table, typed by its rows: strings, lists of strings (repeatable) and booleans. */
export type OptionSpecOf<T extends FlagTable> = {
  [R in RowOf<T> as R["name"]]: R extends { multiple: true }
    ? { type: R["type"]; multiple: true }
    : { type: R["type"] };
};

/** The options given to the parser (node:util parseArgs): one per row of the table. */
export function optionSpec<const T extends FlagTable>(table: T): OptionSpecOf<T> {
  const rows = table.flatMap((group) => group.flags);
  return Object.fromEntries(
    rows.map((row) => [
      row.name,
      { type: row.type, ...(row.multiple ? { multiple: true } : {}), ...(row.short ? { short: row.short } : {}) },
    ]),
  ) as OptionSpecOf<T>;
}

/** The names of the flags in the groups that `where` picks, in the table's order. */
export function flagNames(table: FlagTable, where: (group: FlagGroup) => boolean = () => true): string[] {
  return table.filter(where).flatMap((group) => group.flags.map((row) => row.name));
}

const LINE_WIDTH = 120;
/** Between the longest flag and its description. */
const GAP = 3;

/** `--pages N`, `-h, --help`. */
function flagLabel(row: FlagRow): string {
  const long = `--${row.name}${row.placeholder ? ` ${row.placeholder}` : ""}`;
  return row.short ? `-${row.short}, ${long}` : long;
}

/** `(1 to 100, default 3)`, `(1 or more, default: all)`: a whole number's range as the help states it. */
function rangeText({ min, max, value }: WholeNumberRange, unset?: string): string {
  const bounds = max >= Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min} to ${max}`;
  const fallback = value !== undefined ? `default ${value}` : unset !== undefined ? `default: ${unset}` : undefined;
  return `(${[bounds, fallback].filter(Boolean).join(", ")})`;
}

/** A row's text in the help: its description, then a whole number's range. */
function flagText(row: FlagRow): string {
  return row.range ? `${row.description} ${rangeText(row.range, row.unset)}` : row.description;
}

/**
 * The help's option lines: each group under its heading (a group without flags is left out), a blank line between
 * groups, and one column for the descriptions across the whole table, wrapped at 120 columns.
 */
export function optionsHelp(table: FlagTable): string {
  const width = Math.max(...table.flatMap((group) => group.flags.map((row) => flagLabel(row).length))) + GAP;
  const indent = " ".repeat(2 + width);
  return table
    .filter((group) => group.flags.length > 0)
    .map((group) => {
      const lines = group.flags.flatMap((row) =>
        wrap(flagText(row), LINE_WIDTH - indent.length).map((text, i) =>
          i === 0 ? `  ${flagLabel(row).padEnd(width)}${text}` : `${indent}${text}`,
        ),
      );
      return [`${group.heading}:`, ...lines].join("\n");
    })
    .join("\n\n");
}

/** Words into lines of at most `width` characters (a longer word keeps a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
