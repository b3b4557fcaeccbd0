/** The owner's plain names split directly give what @citation-js/name's parser gives (and the parser decides the rest). */
import { parse } from '@citation-js/name';
import { describe, expect, it } from 'vitest';
import { plainName } from '../../src/model/config.js';

const PLAIN = [
  'Joe Benton',
  'J. Benton',
  'Joseph Benton',
  'Benton, Joe',
  'Benton, J.',
  'Chen Bo Calvin Zhang',
  'Kamélia Daudel',
  'Jean-Pierre Dupont',
  'J.-P. Dupont',
  "Conan O'Brien",
  'Dupont, Jean-Pierre',
  'Łukasz Kaiser',
  'Fraser-Taliente, Kit',
];
const PARSER_DECIDES = [
  'Teun van der Weij',
  'van der Weij, Teun',
  'Martin Luther King Jr.',
  'King, Jr., Martin',
  '{Barnes and Noble}',
  'Benton',
  'joe benton',
];

describe('plainName', () => {
  it.each(PLAIN)('splits "%s" as the parser does', (name) => {
    const parsed = parse(name) as { family?: string; given?: string };
    expect(plainName(name)).toEqual({ family: parsed.family, given: parsed.given });
  });
  it.each(PARSER_DECIDES)('leaves "%s" to the parser', (name) => {
    expect(plainName(name)).toBeUndefined();
  });
});
