import { describe, expect, it } from 'vitest';
import { normalizeCtf, rawRecordsOf } from '../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The pupil record (and warnings) of a one-pupil CTF dated 2024-10-01 with `inner` in the pupil. */
const pupil = (inner: string): { pupil: Record<string, unknown> | undefined; warnings: string[] } => {
  const raws = rawRecordsOf('p.xml', enc(`<CTfile><Header><DateTime>2024-10-01T00:00:00</DateTime><SourceSchool><LEA>926</LEA><Estab>2001</Estab></SourceSchool></Header><CTFpupilData><Pupil><UPN>A123456789012</UPN><NCyearActual>3</NCyearActual>${inner}</Pupil></CTFpupilData></CTfile>`));
  const n = normalizeCtf(raws[1] as (typeof raws)[number], { schoolUrn: '100101', phase: 'primary' });
  const rec = n.records.find((r) => r._tag === 'pupil');
  return { pupil: rec?._tag === 'pupil' ? (rec.pupil as unknown as Record<string, unknown>) : undefined, warnings: n.issues.map((i) => `${i.code} ${i.field ?? ''}`) };
};
const episode = (start: string, end?: string): string => `<FSMhistory><FSMreview><FSMstartDate>${start}</FSMstartDate>${end === undefined ? '' : `<FSMendDate>${end}</FSMendDate>`}</FSMreview></FSMhistory>`;

describe('FSM6 from FSMhistory (eligible at any time in the six years up to the CTF date)', () => {
  it('an episode that ended five years before the CTF date counts; one that ended seven years before does not', () => {
    expect(pupil(episode('2019-01-01', '2019-09-30')).pupil).toMatchObject({ fsm: false, fsm6: true });
    expect(pupil(episode('2016-01-01', '2017-09-30')).pupil).toMatchObject({ fsm: false, fsm6: false });
  });
  it('the window starts exactly six years before: an episode ending on 2018-10-01 counts, one ending the day before does not', () => {
    expect(pupil(episode('2018-01-01', '2018-10-01')).pupil?.['fsm6']).toBe(true);
    expect(pupil(episode('2018-01-01', '2018-09-30')).pupil?.['fsm6']).toBe(false);
  });
  it('without FSMhistory FSM and FSM6 stay unknown; an explicit FSM6/EverFSM6 flag (inferred names) is taken as given', () => {
    expect(pupil('').pupil).not.toHaveProperty('fsm6');
    expect(pupil('<EverFSM6>Y</EverFSM6>').pupil?.['fsm6']).toBe(true);
    expect(pupil(`${episode('2024-01-01')}<FSM6>N</FSM6>`).pupil).toMatchObject({ fsm: true, fsm6: false });
    expect(pupil('<FSM6>maybe</FSM6>').warnings).toEqual(['ctf/bad-characteristic FSM6']);
  });
});

describe('EAL from the first language (Languages, inferred layouts)', () => {
  it('English or believed English is not EAL; another language (or believed other) is', () => {
    expect(pupil('<Languages><Type><LanguageType>F</LanguageType><Language>ENB</Language></Type></Languages>').pupil?.['eal']).toBe(false);
    expect(pupil('<Languages><Type><LanguageType>F</LanguageType><Language>OTB</Language></Type></Languages>').pupil?.['eal']).toBe(true);
    expect(pupil('<Languages><LanguageType><Type>FLA</Type><Language>URD</Language></LanguageType></Languages>').pupil?.['eal']).toBe(true);
    expect(pupil('<FirstLanguage>ENG</FirstLanguage>').pupil?.['eal']).toBe(false);
  });
  it('a language that is not the first language is ignored; not obtained or refused leaves EAL unknown', () => {
    expect(pupil('<Languages><Type><LanguageType>M</LanguageType><Language>FRE</Language></Type></Languages>').pupil).not.toHaveProperty('eal');
    expect(pupil('<FirstLanguage>NOT</FirstLanguage>').pupil).not.toHaveProperty('eal');
    expect(pupil('<FirstLanguage>REF</FirstLanguage>').pupil).not.toHaveProperty('eal');
  });
  it('a first language that is no language code is a warning, EAL unknown', () => {
    const p = pupil('<FirstLanguage>English!</FirstLanguage>');
    expect(p.pupil).not.toHaveProperty('eal');
    expect(p.warnings).toEqual(['ctf/bad-characteristic Languages']);
  });
});
