import { describe, expect, it } from 'vitest';
import { diffWords, type WordSegment } from '../../shared/snapshot/diffWords';
import { seeded, sentence } from './snapshotFixtures';

const side = (segments: WordSegment[], skip: WordSegment['op']) =>
  segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');

describe('word-level highlighting', () => {
  it('marks the changed words only', () => {
    expect(diffWords('Arbeta med hållbar upphandling i kommunerna', 'Arbeta aktivt med cirkulär upphandling i kommunerna')).toEqual([
      { op: 'same', text: 'Arbeta ' },
      { op: 'add', text: 'aktivt ' },
      { op: 'same', text: 'med ' },
      { op: 'del', text: 'hållbar' },
      { op: 'add', text: 'cirkulär' },
      { op: 'same', text: ' upphandling i kommunerna' },
    ]);
  });

  it('treats Swedish letters as part of words and punctuation on its own', () => {
    expect(diffWords('Pågår, delvis klart', 'Pågår. Delvis klart')).toEqual([
      { op: 'same', text: 'Pågår' },
      { op: 'del', text: ', delvis' },
      { op: 'add', text: '. Delvis' },
      { op: 'same', text: ' klart' },
    ]);
  });

  it('a text written from nothing, or emptied, is one segment', () => {
    expect(diffWords('', 'Ny text')).toEqual([{ op: 'add', text: 'Ny text' }]);
    expect(diffWords('Gammal text', '')).toEqual([{ op: 'del', text: 'Gammal text' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('Samma', 'Samma')).toEqual([{ op: 'same', text: 'Samma' }]);
  });

  it('never loses a character: the old and the new text can be read back from the segments', () => {
    const rng = seeded(42);
    for (let run = 0; run < 500; run++) {
      const a = sentence(rng, 30);
      const b = rng() < 0.5 ? sentence(rng, 30) : a.replace(/\bi\b/, 'på') + sentence(rng, 3);
      const segments = diffWords(a, b);
      expect(side(segments, 'add')).toBe(a);
      expect(side(segments, 'del')).toBe(b);
      for (let i = 1; i < segments.length; i++) expect(segments[i].op === 'same' && segments[i - 1].op === 'same').toBe(false);
    }
  });

  it('two long texts with little in common still compare, as one removal and one addition in the middle', () => {
    const rng = seeded(3);
    const a = 'Början. ' + Array.from({ length: 3000 }, () => sentence(rng, 1)).join(' ') + ' Slut.';
    const b = 'Början. ' + Array.from({ length: 3000 }, () => sentence(rng, 1)).join(' ') + ' Slut.';
    const segments = diffWords(a, b);
    expect(side(segments, 'add')).toBe(a);
    expect(side(segments, 'del')).toBe(b);
    expect(segments.map((s) => s.op)).toEqual(['same', 'del', 'add', 'same']);
    expect(segments[0].text).toBe('Början. ');
  });
});
