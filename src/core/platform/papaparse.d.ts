/**
 * The part of papaparse's API src/core uses, for core's own typecheck: @types/papaparse references
 * Node's types (`/// <reference types="node" />`), which would let fetch or process into core
 * unnoticed. The app and the tests still compile against @types/papaparse itself.
 */
declare module 'papaparse' {
  interface ParseError { type: string; code: string; message: string; row?: number; index?: number }
  interface ParseMeta { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number; fields?: string[] }
  interface ParseResult<T> { data: T[]; errors: ParseError[]; meta: ParseMeta }
  interface StepResult<T> { data: T; errors: ParseError[]; meta: ParseMeta }
  interface Parser { abort(): void; pause(): void; resume(): void }
  interface ParseConfig<T> {
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    delimitersToGuess?: string[];
    step?: (result: StepResult<T>, parser: Parser) => void;
  }
  interface UnparseConfig { newline?: string; quotes?: boolean | boolean[]; escapeFormulae?: boolean | RegExp; header?: boolean }
  const Papa: {
    parse<T>(input: string, config?: ParseConfig<T>): ParseResult<T>;
    unparse(data: unknown[] | { fields: string[]; data: unknown[][] }, config?: UnparseConfig): string;
  };
  export default Papa;
}
