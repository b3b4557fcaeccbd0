/** Problems are data: every step returns them, the CLI decides how to print them and which exit code they imply. */

export type Severity = 'error' | 'warning';

/**
 * Every problem code, with what it means: the table `check --json` consumers and the docs read. A problem of
 * severity `error` makes the command exit 1 (nothing written by a list; the entry left out by export-bib); a
 * `warning` is printed and the command goes on.
 */
export const PROBLEM_CODES = {
  syntax: 'the store cannot be read there (line, column and snippet say where)',
  'control-character': 'a control character in a value, read without it',
  'private-use-character': 'a private-use character (a PDF ligature, copied), which lists leave out',
  'replacement-character': 'U+FFFD, a character lost when the text was saved in another encoding',
  'undefined-string': 'a macro that no @string defines',
  'duplicate-key': 'a citation key used twice',
  'duplicate-field': 'a field written twice in one entry',
  'duplicate-publication': 'the same paper entered twice',
  'missing-field': 'a field the entry type needs is missing',
  'unreadable-entry': 'an entry whose LaTeX cannot be read',
  'unknown-latex-command': 'a LaTeX command no table knows, printed as its argument',
  'damaged-name': 'a name that looks damaged (an encoding error, a stray brace)',
  'name-list': 'a name list bibtex would misread, and how it is read',
  'bad-annotation': 'an author+an annotation that cannot be read',
  'annotation-out-of-range': 'an annotation for an author position the list does not have',
  'owner-missing': 'an entry that does not name the owner',
  'owner-not-found': 'the owner is an author of no entry',
  'printed-nothing': 'the style printed nothing for an entry',
  'render-failed': 'the style could not render an entry',
  'damaged-sidecar': "a record of the sync's sidecar that cannot be read, ignored",
  'unknown-key': 'a key named on the command line that the store does not have',
  'unsafe-key': 'a key the export target cannot write',
  'unsafe-value': 'a value the export cannot write safely: the entry is left out',
  'copied-as-written': 'an entry the export copies as the store writes it',
  'key-field': 'a crossref or xdata that names an entry the export leaves out',
  'journal-macros': 'the AAS journal macros the export keeps',
} as const satisfies Readonly<Record<string, string>>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface Problem {
  readonly severity: Severity;
  /** A stable machine-readable code, e.g. `syntax`, `duplicate-key` (see PROBLEM_CODES). */
  readonly code: ProblemCode;
  readonly message: string;
  readonly file?: string;
  /** 1-based line; for entry-level problems the line of the entry's `@`. */
  readonly line?: number;
  readonly column?: number;
  readonly key?: string;
  readonly snippet?: string;
}

/** `file:line:column: severity [code] key: message`, then the snippet, as compilers print them. */
export function formatProblem(p: Problem): string {
  const where = [p.file ?? '<input>', p.line, p.column].filter((x) => x !== undefined).join(':');
  const entry = p.key !== undefined ? ` entry "${p.key}":` : '';
  const head = `${where}: ${p.severity} [${p.code}]${entry} ${p.message}`;
  return p.snippet !== undefined ? `${head}\n    ${p.snippet}` : head;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** A store with errors, refused before anything is written (its problems were reported first). */
export class StoreErrorsError extends Error {}

/**
 * Refuses a store with errors, unless the user asked to keep going. `canKeepGoing`: whether the command offers
 * --keep-going (export-hugo does not: it writes a whole site or nothing).
 */
export function refuseErrors(
  problems: readonly Problem[],
  file: string,
  keepGoing: boolean,
  canKeepGoing = true,
): void {
  if (!hasErrors(problems) || keepGoing) return;
  const count = problems.filter((p) => p.severity === 'error').length;
  throw new StoreErrorsError(
    `${file} has ${count} error${count === 1 ? '' : 's'} (listed above); nothing was written. ` +
      (canKeepGoing
        ? 'Fix them, or pass --keep-going to render the entries that could be read'
        : 'Fix them, then export again'),
  );
}
