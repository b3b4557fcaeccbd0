import { describe, expect, it } from 'vitest';
import { parseAnnotation } from '../../src/model/annotations.js';

describe('biblatex data annotations', () => {
  it('reads item annotations, several per name', () => {
    const parsed = parseAnnotation('2=equal; 3=equal,corresponding');
    expect(Object.fromEntries(parsed.items)).toEqual({ 2: ['equal'], 3: ['equal', 'corresponding'] });
    expect(parsed.invalid).toEqual([]);
  });

  it('reads field annotations and ignores name-part annotations', () => {
    const parsed = parseAnnotation('=student; 1:family=highlight; 2=equal');
    expect(parsed.field).toEqual(['student']);
    expect(Object.fromEntries(parsed.items)).toEqual({ 2: ['equal'] });
  });

  it('reports what it cannot read', () => {
    expect(parseAnnotation('two=equal; 3=x').invalid).toEqual(['two=equal']);
  });
});
