import { describe, expect, it } from 'vitest';
import { bromcomDate, fieldsOf, flagValue, textField, yearGroupText } from '../src/index.js';

describe('Bromcom fields', () => {
  it('reads names in any case and trims right-padded strings (mis-formats §4.1)', () => {
    const f = fieldsOf({ Upn: 'A123456789012   ', YEARGROUP: ' 7 ', studentId: 1042 });
    expect(textField(f, 'upn')).toBe('A123456789012');
    expect(textField(f, 'yeargroup')).toBe('7');
    expect(textField(f, 'studentid')).toBe('1042');
    expect(textField(fieldsOf({ x: '   ' }), 'x')).toBeUndefined();
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const row = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "x"}') as object;
    const f = fieldsOf(row);
    expect(textField(f, 'constructor')).toBe('x');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads "Yes"/"No" flags in any case, and plausible variants; unknown text is bad', () => {
    expect([flagValue('Yes'), flagValue('no '), flagValue('YES'), flagValue('Y'), flagValue(true), flagValue('0')]).toEqual([true, false, true, true, true, false]);
    expect([flagValue(''), flagValue(undefined), flagValue(null)]).toEqual([undefined, undefined, undefined]);
    expect(flagValue('maybe')).toBe('bad');
  });

  it('reads documented ISO-ish dates and the inferred variants; rejects impossible dates', () => {
    expect(bromcomDate('2024-09-02')).toBe('2024-09-02');
    expect(bromcomDate('2024-09-02T00:00:00')).toBe('2024-09-02');
    expect(bromcomDate('2024-09-02T00:00:00.000+01:00')).toBe('2024-09-02');
    expect(bromcomDate('02/09/2024')).toBe('2024-09-02');
    expect(bromcomDate('20240902')).toBe('2024-09-02');
    // 2024-09-02T00:00 BST is 2024-09-01T23:00Z: the writer's offset puts it back on the 2nd.
    expect(bromcomDate(`/Date(${Date.UTC(2024, 8, 1, 23)}+0100)/`)).toBe('2024-09-02');
    expect(bromcomDate('2024-02-30')).toBeUndefined();
    expect(bromcomDate('31/02/2024')).toBeUndefined();
    expect(bromcomDate('next week')).toBeUndefined();
  });

  it('reads year groups as MIS write them', () => {
    expect(['7', '07', 'Year 7', 'Y7', 'Reception', 'R', 'Nursery 1', '13'].map(yearGroupText)).toEqual(['7', '7', '7', '7', 'R', 'R', 'N1', '13']);
  });
});
