/**
 * A student's dated assignments as rows of the canonical `pupil_characteristics.csv`
 * (docs/canonical-format.md, issue 3): the adapter contract carries one value per characteristic
 * (taken after the last recorded change), and this keeps the history for callers that write the
 * optional file, so each session is grouped by the value in force on its own date. Pure.
 *
 * @module
 */
import type { RawRecord } from '@attendance-kit/adapter-kit';
import type { AdapterOptions } from '@attendance-kit/adapter-kit';
import type { CharacteristicRow } from '@attendance-kit/core';
import type { ArborRaw } from './read.js';

/**
 * The `pupil_characteristics.csv` rows of a student raw record (none for other records, or
 * without a school URN): SEN (`N`/`K`/`E`), looked after and FSM spans with their dates. Check
 * them with core's `checkCharacteristics` (it reports overlaps).
 * @example arborCharacteristicRows(raw, { schoolUrn: '100101' }) // [{ schoolUrn: '100101', pupilId: '7', field: 'sen', value: 'K', from: '2024-09-01' }]
 */
export const arborCharacteristicRows = (raw: RawRecord<ArborRaw>, options: AdapterOptions): CharacteristicRow[] => {
  const data = raw.data;
  if (data._tag !== 'student' || data.id === undefined || options.schoolUrn === undefined) return [];
  const { schoolUrn } = options;
  const pupilId = data.id;
  return data.facts.spans.map((s) => ({ schoolUrn, pupilId, field: s.field, value: s.value, ...(s.from === undefined ? {} : { from: s.from }), ...(s.to === undefined ? {} : { to: s.to }) }));
};
