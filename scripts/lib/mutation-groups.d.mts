/** Each module group's name and the globs of its files. */
export declare const MUTATION_GROUPS: Record<string, string[]>;
