/**
 * Arbor REST entities as plain values (reference/mis-formats.md §3.1-3.3): what type an entity is
 * (its `entityType`, else the list it came in), its id, and the ids its references point at.
 * References come abbreviated (`{ "entityType": "Student", "href": "/rest-v2/students/7" }`), as
 * a bare href or id, or expanded in full; all are accepted. Member names are read with
 * `Object.hasOwn`, so `__proto__` and `constructor` keys are plain data. Pure.
 *
 * @module
 */

/** An entity as parsed JSON (an object). */
export type Entity = Readonly<Record<string, unknown>>;

/** Whether a value is a JSON object. */
export const isEntity = (v: unknown): v is Entity => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member of an entity, own members only. */
export const field = (e: Entity, name: string): unknown => (Object.hasOwn(e, name) ? e[name] : undefined);

/** A member as trimmed text (numbers as digits), undefined when absent or empty. */
export const textOf = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

/**
 * An entity type or resource name reduced to a kind: lower case, letters and digits only, the
 * `UkDfe_` prefix dropped, plural made singular (`attendance-records` and `AttendanceRecord` are
 * both `attendancerecord`).
 * @example kindName('UkDfe_InCareStatusAssignment') // 'incarestatusassignment'
 * @example kindName('senStatuses') // 'senstatus'
 */
const KIND_CACHE = new Map<string, string>();

export const kindName = (s: string): string => {
  const cached = KIND_CACHE.get(s);
  if (cached !== undefined) return cached;
  const kind = kindNameOf(s);
  // Entity types are few; the cap only guards against hostile input naming millions of types.
  if (KIND_CACHE.size > 4096) KIND_CACHE.clear();
  KIND_CACHE.set(s, kind);
  return kind;
};

const kindNameOf = (s: string): string => {
  let t = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t.startsWith('ukdfe')) t = t.slice(5);
  if (t === 'people') return 'person';
  if (t.endsWith('statuses')) return t.slice(0, -2);
  if (t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('status')) return t.slice(0, -1);
  return t;
};

/** The kind of an entity: its own `entityType`, else the name of the list it came in. */
export const kindOf = (e: Entity, listKey: string | undefined): string | undefined => {
  const own = field(e, 'entityType');
  if (typeof own === 'string' && own.trim() !== '') return kindName(own);
  return listKey === undefined || listKey === 'rows' ? undefined : kindName(listKey);
};

/** The last segment of an href (`/rest-v2/students/7` gives `7`). */
const lastSegment = (href: string): string | undefined => {
  const q = href.indexOf('?');
  let end = q < 0 ? href.length : q;
  while (end > 0 && href.charCodeAt(end - 1) === 0x2f) end--;
  const last = href.slice(href.lastIndexOf('/', end - 1) + 1, end).trim();
  if (last === '') return undefined;
  if (!last.includes('%')) return last;
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last;
  }
};

/**
 * The id a reference points at: an object's `id`, else the last segment of its `href`; a string
 * href or id; a number.
 * @example refId({ entityType: 'Student', href: '/rest-v2/students/7' }) // '7'
 */
export const refId = (v: unknown): string | undefined => {
  if (isEntity(v)) {
    const id = textOf(field(v, 'id'));
    if (id !== undefined) return id;
    const href = field(v, 'href');
    return typeof href === 'string' ? lastSegment(href) : undefined;
  }
  if (typeof v === 'string') {
    return v.includes('/') ? lastSegment(v) : textOf(v);
  }
  return textOf(v);
};

/** An entity's own id (its `id`, else its `href`). */
export const idOf = (e: Entity): string | undefined => refId(e);
