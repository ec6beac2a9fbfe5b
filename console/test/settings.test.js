import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { newRule, newSettings, settingsProblems, settingsRequest } from '../src/release/settings.js';

const now = dayjs('2026-11-30T00:00:00Z');

function settings(changes) {
  return { ...newSettings(), ...changes };
}

describe('release settings', () => {
  it('need a whitelist for a whitelist grayscale', () => {
    expect(settingsProblems(settings({ whitelistIds: [] }), { now })).toHaveProperty('grayscale.whitelistIds');
    expect(settingsProblems(settings({ whitelistIds: ['w1'] }), { now })).toEqual({});
  });

  it('need a future end time and a positive whole users count for a time window', () => {
    const problems = settingsProblems(settings({ mode: 'TIME_WINDOW', endTime: now.subtract(1, 'hour'), usersCount: '0' }), { now });
    expect(problems).toHaveProperty('grayscale.endTime');
    expect(problems).toHaveProperty('grayscale.usersCount');
    expect(settingsProblems(settings({ mode: 'TIME_WINDOW', endTime: now.add(1, 'day'), usersCount: '10' }), { now })).toEqual({});
  });

  it('check rules as the release-service does', () => {
    const between = { ...newRule(), type: 'OS_VERSION', operator: 'BETWEEN', values: ['12'] };
    const custom = { ...newRule(), type: 'CUSTOM', attribute: '', operator: 'GTE', values: ['abc'], valueType: 'NUMBER' };
    const problems = settingsProblems(settings({ whitelistIds: ['w1'], rules: [between, custom] }), { now });
    expect(problems['rules[0].values']).toMatch(/exactly 2/);
    expect(problems['rules[1].attribute']).toBeDefined();
    expect(problems['rules[1].values']).toMatch(/not a number/);
  });

  it('ignore audience and rules of an official release', () => {
    const official = settings({ releaseType: 'OFFICIAL', whitelistIds: [], rules: [newRule()] });
    expect(settingsProblems(official, { now })).toEqual({});
    expect(settingsRequest(official)).toEqual({ releaseType: 'OFFICIAL' });
  });

  it('become the request the API takes', () => {
    const rule = { ...newRule(), type: 'CUSTOM', attribute: 'channel', operator: 'IN', values: ['beta'] };
    const body = settingsRequest(settings({ whitelistIds: ['w1'], rules: [rule], description: ' try it ' }));
    expect(body).toEqual({
      releaseType: 'GRAYSCALE', description: 'try it',
      grayscale: { mode: 'WHITELIST', whitelistIds: ['w1'] },
      rules: [{ type: 'CUSTOM', attribute: 'channel', operator: 'IN', values: ['beta'], inverted: false, caseInsensitive: false }],
    });
    const window = settingsRequest(settings({ mode: 'TIME_WINDOW', endTime: dayjs('2026-12-01T00:00:00Z'), usersCount: '25' }));
    expect(window.grayscale).toEqual({ mode: 'TIME_WINDOW', endTime: '2026-12-01T00:00:00.000Z', usersCount: 25 });
  });
});
