/** Each module group's name and the globs of its files. */
export declare const MUTATION_GROUPS: Record<string, string[]>;
/** A matcher for the groups' globs: `**` for any folders, `*` for part of a name. */
export declare function globMatcher(glob: string): (path: string) => boolean;
