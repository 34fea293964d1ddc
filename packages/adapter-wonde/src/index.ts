/**
 * @attendance-kit/adapter-wonde: Reads Wonde API pages (saved files or live, with a token): school, students, attendance codes and session marks.
 * @module
 */
export {};
