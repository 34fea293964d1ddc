/**
 * The command line, tokenised by node:util `parseArgs` (strict: unknown options are errors) and
 * its errors turned into one plain sentence. Values are checked afterwards, with zod, by each
 * command.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bad, ok, usageProblem, type Checked } from './usage-error.js';

/** How one option is spelled: a string option takes a value, a boolean one is a switch. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

/** Options as given: strings, switches, or lists for repeatable options. */
export type RawValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** The tokenised command line. */
export interface ParsedArgs {
  readonly values: RawValues;
  readonly positionals: readonly string[];
}

const optionName = (message: string): string => /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? 'an option';

/**
 * Tokenises `args` against `options`. An option given twice that is not repeatable is an error
 * (the last one silently winning hides typos in long scripts).
 *
 * @example parse(['data', '--from', '2024-09-01'], { from: { type: 'string' } }, 'summarise')
 * // ok({ values: { from: '2024-09-01' }, positionals: ['data'] })
 */
export const parse = (
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  command: string,
): Checked<ParsedArgs> => {
  try {
    const config: ParseArgsConfig = {
      args: [...args],
      options: options as NonNullable<ParseArgsConfig['options']>,
      allowPositionals: true,
      strict: true,
      tokens: true,
    };
    const result = parseArgs(config);
    const seen = new Set<string>();
    for (const token of result.tokens ?? []) {
      if (token.kind !== 'option') continue;
      if (seen.has(token.name) && options[token.name]?.multiple !== true) {
        return bad(usageProblem(`option --${token.name} is given more than once`, command));
      }
      seen.add(token.name);
    }
    return ok({ values: result.values as RawValues, positionals: result.positionals });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      return bad(usageProblem(`unknown option '${optionName(message)}'`, command));
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = optionName(message);
      return bad(
        usageProblem(
          message.includes('argument missing') ? `option '${name}' needs a value` : `option '${name}' takes no value`,
          command,
        ),
      );
    }
    return bad(usageProblem(message, command));
  }
};
