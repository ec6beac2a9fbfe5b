import { describe, expect, it } from 'vitest';
import { claimsOf } from '../src/api/session.js';
import { mayAdminister, mayWrite } from '../src/api/permissions.js';

function token(payload) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.signature`;
}

describe('token claims', () => {
  it('name who is signed in and what they may do', () => {
    const claims = claimsOf(token({ sub: 'ana', upn: 'ana', groups: ['viewer'], apps: ['shop'], exp: 1796000000 }));
    expect(claims.subject).toBe('ana');
    expect(claims.expiresAt.toISOString()).toBe('2026-11-30T00:53:20.000Z');
    expect(mayWrite(claims, 'shop')).toBe(false);
    expect(mayWrite(claimsOf(token({ sub: 'bo', groups: ['releaser'], apps: ['*'] })), 'shop')).toBe(true);
    expect(mayWrite(claimsOf(token({ sub: 'bo', groups: ['releaser'], apps: ['other'] })), 'shop')).toBe(false);
    expect(mayAdminister(claims)).toBe(false);
  });

  it('refuse what is not a JWT, in words', () => {
    expect(() => claimsOf('abc')).toThrow(/three parts/);
    expect(() => claimsOf('a.!!!.c')).toThrow(/not a JWT/);
  });
});
