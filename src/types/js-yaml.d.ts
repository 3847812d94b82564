/**
 * The part of js-yaml the validator uses. js-yaml is the parser Astro's own
 * loaders use (installed as Astro's dependency, version pinned by the lockfile);
 * the project declares no @types package for it.
 */
declare module 'js-yaml' {
  export interface Mark {
    /** 0-based. */
    line: number;
    /** 0-based. */
    column: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  export interface Schema {
    readonly __brand: 'js-yaml schema';
  }
  /** YAML 1.2 core types only: no timestamps, so dates stay as written. */
  export const CORE_SCHEMA: Schema;
  export function load(input: string, options?: { filename?: string; json?: boolean; schema?: Schema }): unknown;
}
