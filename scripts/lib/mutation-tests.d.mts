/** What marks a test file that runs out of process. */
export declare const OUT_OF_PROCESS: RegExp;
/** Every test file under test/. */
export declare function allTestFiles(root: string): string[];
/** Every test file that runs in process. */
export declare function inProcessTestFiles(root: string): string[];
/** The in-process test files that reach a module of `group`, sorted. */
export declare function groupTestFiles(root: string, group: string): string[];
/** The file name a group's own files take: its name with spaces as dashes. */
export declare function groupSlug(group: string): string;
