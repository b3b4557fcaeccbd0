/**
 * Characters that mark a person when written in a name (`Xu*, Kai`, `Brown†, Ellis`), outside a command: `\#` is a
 * character. The model reads past them (a name list pasted with marks after initials); conventions/name-marks.ts takes
 * them out of the name and keeps them as the person's annotation.
 */
export const MARK_CHARACTERS = '*∗†‡§¶‖#';
