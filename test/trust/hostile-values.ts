/**
 * What an attacker, or an unlucky service, sends in place of a title, a DOI, a page range or a venue: BibTeX syntax
 * (a closing brace and a new field or entry, a backslash-brace, which BibTeX counts as a brace), control characters
 * (ESC sequences, BEL, NUL, bidirectional overrides), TeX primitives that reach files or the shell, and plain
 * nonsense. Shared by the stand-in server tests and the property test.
 */
export const HOSTILE_VALUES: readonly string[] = [
  '}, note = {pwned}',
  '}\n@misc{evil, title={x}',
  'x\\}, note = {pwned',
  '\\}',
  '\\{',
  '}',
  '{{{{',
  '}}}} @misc{evil3,',
  '\u001b[31mred\u001b[0m\u0007',
  '\u0000nul',
  '\u202eevil override\u202c',
  'line one\r\nline two\n\n@misc{evil4, title = {y}}',
  '\\input{/etc/passwd}',
  '\\immediate\\write18{touch /tmp/pwned}',
  '\\def\\title{hijacked}',
  'trailing backslash\\',
  '100% of #1 & more',
  '"quoted", note = "x"',
  '@comment{',
  '@string{x = "y"}',
  '\\csname evil\\endcsname',
  '$\\}$ in math',
  'a'.repeat(5000),
];

/** The entry keys and field names a hostile value tries to add. */
export const INJECTED_KEYS = ['evil', 'evil3', 'evil4'];
export const INJECTED_FIELDS = ['note'];
