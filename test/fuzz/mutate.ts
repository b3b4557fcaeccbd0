/** Seeded mutations of a .bib file, and the entry headers an oracle expects to be accounted for. */
const INSERTS: readonly number[][] = [
  [0x00],
  [0xff],
  [0xc3],
  [0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0x40],
  [0x7b],
  [0x7d],
  [0x22],
  [0x25],
  [0x5c],
  [0x2c],
  [0x3d],
  [0x23],
  [0x0d],
];

export type Mutant = { readonly kind: string; readonly bytes: Buffer };

export function mutate(random: () => number, source: Buffer): Mutant {
  const at = (n: number) => Math.floor(random() * n);
  const kind = ['delete-brace', 'insert-byte', 'truncate', 'duplicate-entry', 'delete-run', 'at-sign'][at(6)] as string;
  const positionsOf = (bytes: number[]) => [...source.keys()].filter((i) => bytes.includes(source[i] as number));
  switch (kind) {
    case 'delete-brace': {
      const braces = positionsOf([0x7b, 0x7d]);
      const i = braces[at(braces.length)] as number;
      return { kind, bytes: Buffer.concat([source.subarray(0, i), source.subarray(i + 1)]) };
    }
    case 'insert-byte': {
      const i = at(source.length);
      return {
        kind,
        bytes: Buffer.concat([
          source.subarray(0, i),
          Buffer.from(INSERTS[at(INSERTS.length)] as number[]),
          source.subarray(i),
        ]),
      };
    }
    case 'truncate':
      return { kind, bytes: source.subarray(0, at(source.length)) };
    case 'duplicate-entry': {
      const starts = positionsOf([0x40]).filter((i) => i === 0 || source[i - 1] === 0x0a);
      const i = starts[at(starts.length)] as number;
      const end = starts.find((s) => s > i) ?? source.length;
      return { kind, bytes: Buffer.concat([source, Buffer.from('\n'), source.subarray(i, end)]) };
    }
    case 'delete-run': {
      const i = at(source.length);
      return { kind, bytes: Buffer.concat([source.subarray(0, i), source.subarray(i + 1 + at(20))]) };
    }
    default: {
      const i = at(source.length);
      return { kind, bytes: Buffer.concat([source.subarray(0, i), Buffer.from('@'), source.subarray(i + 1)]) };
    }
  }
}

/** Entry headers that start a line: `@type{key,` (not @string, @preamble, @comment), with line and key. */
export function headers(bytes: Buffer): { line: number; key: string }[] {
  const out: { line: number; key: string }[] = [];
  bytes
    .toString('latin1')
    .split(/\r\n|\r|\n/)
    .forEach((text, i) => {
      const m = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)/.exec(text);
      if (m && !/^(string|preamble|comment)$/i.test(m[1] as string)) out.push({ line: i + 1, key: m[2] as string });
    });
  return out;
}
