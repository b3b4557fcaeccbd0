/** Problems are data: every step returns them, the CLI decides how to print them and which exit code they imply. */

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** A stable machine-readable code, e.g. `syntax`, `duplicate-key`. */
  readonly code: string;
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
