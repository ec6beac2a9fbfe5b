import { describe, expect, it } from 'vitest';
import { chunksOf, idsOf } from '../src/release/memberFile.js';

describe('member files', () => {
  it('take one id a line, the first column of a CSV, and skip blank lines', () => {
    expect(idsOf('u1\r\n"u2",Alice\n\n  u3  \n')).toEqual(['u1', 'u2', 'u3']);
  });

  it('go in calls of at most 100,000 ids', () => {
    const ids = Array.from({ length: 250001 }, (_, i) => `u${i}`);
    expect(chunksOf(ids).map((c) => c.length)).toEqual([100000, 100000, 50001]);
  });
});
