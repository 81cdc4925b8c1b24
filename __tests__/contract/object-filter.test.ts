/**
 * Object filters: exact matching (what the function applies), the Events rule condition they compile to (checked
 * through the Events emulator's matcher, which follows OCI's documented condition semantics), and validation.
 */
import {
  conditionIsExact,
  matchesObjectFilter,
  objectFilterProblems,
  ObjectFilter,
  resourceNameCondition,
  wildcardMatches,
} from '../../lib/contract';
import { matchesCondition, RuleCondition } from '../../lib/emulators/events/condition-matcher';

const NAMES = [
  'incoming/a.csv',
  'incoming/a.csv.tmp',
  'incoming/sub/dir/b.CSV',
  'incoming/',
  'incoming.csv',
  'processed/incoming/a.csv',
  'a.csv',
  'weird*name?.csv',
  'incoming/*.csv',
  'incoming/?',
  "incoming/O'Brien's notes.csv",
  'incoming/日本語.csv',
  '.csv',
  '',
];

/** Does the rule condition (compiled from the filter) let this name through? Checked with the emulator's matcher. */
function conditionPasses(filter: ObjectFilter, name: string): boolean {
  const values = resourceNameCondition(filter);
  const condition: RuleCondition = values === undefined ? {} : { data: { resourceName: values } };
  return matchesCondition({ data: { resourceName: name } }, condition);
}

describe('matchesObjectFilter', () => {
  it.each<[string, ObjectFilter, string[]]>([
    ['prefix', { include: [{ prefix: 'incoming/' }] }, ['incoming/a.csv', 'incoming/a.csv.tmp', 'incoming/sub/dir/b.CSV', 'incoming/', 'incoming/*.csv', 'incoming/?', "incoming/O'Brien's notes.csv", 'incoming/日本語.csv']],
    ['suffix (case-sensitive)', { include: [{ suffix: '.csv' }] }, ['incoming/a.csv', 'incoming.csv', 'processed/incoming/a.csv', 'a.csv', 'weird*name?.csv', 'incoming/*.csv', "incoming/O'Brien's notes.csv", 'incoming/日本語.csv', '.csv']],
    ['prefix and suffix', { include: [{ prefix: 'incoming/', suffix: '.csv' }] }, ['incoming/a.csv', 'incoming/*.csv', "incoming/O'Brien's notes.csv", 'incoming/日本語.csv']],
    ['two includes (OR)', { include: [{ prefix: 'processed/' }, { suffix: '.tmp' }] }, ['incoming/a.csv.tmp', 'processed/incoming/a.csv']],
    ['include minus exclude', { include: [{ prefix: 'incoming/' }], exclude: [{ suffix: '.tmp' }, { prefix: 'incoming/sub/' }] }, ['incoming/a.csv', 'incoming/', 'incoming/*.csv', 'incoming/?', "incoming/O'Brien's notes.csv", 'incoming/日本語.csv']],
    ['exclude only', { exclude: [{ suffix: '.csv' }] }, ['incoming/a.csv.tmp', 'incoming/sub/dir/b.CSV', 'incoming/', 'incoming/?', '']],
    ['wildcard', { include: [{ wildcard: 'incoming/*.csv' }] }, ['incoming/a.csv', 'incoming/*.csv', "incoming/O'Brien's notes.csv", 'incoming/日本語.csv']],
    ['a literal * and ? in the prefix', { include: [{ prefix: 'weird*' }] }, ['weird*name?.csv']],
  ])('%s', (_name, filter, expected) => {
    expect(NAMES.filter((n) => matchesObjectFilter(n, filter))).toEqual(expected);
    // The rule condition never drops a name the filter wants (it may pass more: the function decides those).
    for (const name of expected) expect(conditionPasses(filter, name)).toBe(true);
  });

  it('prefix and suffix may not overlap: "ab" is not prefix "ab" + suffix "b"', () => {
    expect(matchesObjectFilter('ab', { include: [{ prefix: 'ab', suffix: 'b' }] })).toBe(false);
    expect(matchesObjectFilter('abb', { include: [{ prefix: 'ab', suffix: 'b' }] })).toBe(true);
  });

  it('no filter, or an empty one, passes everything', () => {
    for (const name of NAMES) expect(matchesObjectFilter(name, undefined) && matchesObjectFilter(name, {})).toBe(true);
  });
});

describe('the rule condition', () => {
  it('is exactly the filter when OCI can express it: same names pass, same names do not', () => {
    for (const filter of [{ include: [{ prefix: 'incoming/' }] }, { include: [{ prefix: 'incoming/', suffix: '.csv' }, { suffix: '.json' }] }, { include: [{ wildcard: 'incoming/*.csv' }] }]) {
      expect(conditionIsExact(filter)).toBe(true);
      for (const name of NAMES) expect([name, conditionPasses(filter, name)]).toEqual([name, matchesObjectFilter(name, filter)]);
    }
  });

  it('matches more than the filter for a literal * in a prefix, and ignores excludes: the function decides', () => {
    const star = { include: [{ prefix: 'weird*' }] };
    expect(conditionIsExact(star)).toBe(false);
    expect(conditionPasses(star, 'weirdo.csv')).toBe(true); // `*` acts as a wildcard in the condition
    expect(matchesObjectFilter('weirdo.csv', star)).toBe(false); // …the function filters it out
    const excluding = { include: [{ prefix: 'incoming/' }], exclude: [{ suffix: '.tmp' }] };
    expect(conditionIsExact(excluding)).toBe(false);
    expect(conditionPasses(excluding, 'incoming/a.csv.tmp')).toBe(true);
    expect(matchesObjectFilter('incoming/a.csv.tmp', excluding)).toBe(false);
  });

  it('compiles includes to resourceName patterns, and leaves the field out when everything is included', () => {
    expect(resourceNameCondition({ include: [{ prefix: 'in/' }, { suffix: '.csv' }, { prefix: 'a', suffix: 'z' }, { wildcard: 'x*y*z' }] })).toEqual(['in/*', '*.csv', 'a*z', 'x*y*z']);
    expect(resourceNameCondition({ include: [{ prefix: 'in/' }, { wildcard: '*' }] })).toBeUndefined();
    expect(resourceNameCondition({ exclude: [{ suffix: '.tmp' }] })).toBeUndefined();
    expect(resourceNameCondition(undefined)).toBeUndefined();
  });
});

describe('wildcardMatches', () => {
  it.each([
    ['a*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'acb', false],
    ['*', '', true],
    ['a**', 'a', true],
    ['*b*b*', 'abab', true],
    ['*b*b*', 'ab', false],
    ['ab*ba', 'aba', false],
    ['x?y', 'x?y', true],
    ['x?y', 'xzy', false],
  ])('%s vs %s → %s', (pattern, text, expected) => {
    expect(wildcardMatches(pattern, text)).toBe(expected);
  });
});

describe('objectFilterProblems', () => {
  it('names every bad pattern', () => {
    expect(
      objectFilterProblems({
        include: [{}, { prefix: 'a', wildcard: 'a*' }, { suffix: 'x\ny' }],
        exclude: [{ prefix: 'é'.repeat(600) }],
      }).map((p) => `${p.path}: ${p.rule}`),
    ).toEqual([
      'objectFilters.include[0]: give a prefix, a suffix or a wildcard',
      'objectFilters.include[1]: give either wildcard or prefix/suffix, not both',
      'objectFilters.include[2].suffix: contains a line feed, carriage return or NUL, which no object name can',
      'objectFilters.exclude[0].prefix: is longer than an object name can be (1024 bytes)',
    ]);
    expect(objectFilterProblems({ include: [{ prefix: 'in/' }], exclude: [{ wildcard: '*.tmp' }] })).toEqual([]);
  });
});
