/**
 * @attendance-kit/adapter-sims: Reads SIMS partner XML: SessionAttendances, attendance code lists and Report Designer student lists.
 * @module
 */
export {};
