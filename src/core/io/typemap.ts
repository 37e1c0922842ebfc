/**
 * Maps event types of imported files onto Dateline's taxonomy: Dateline's own ids and labels, ACLED
 * event types and sub-event types (codebook 2023), and CAMEO root codes. The original wording is kept on
 * the event (`source_type`), so nothing is lost when the taxonomy is coarser than the file.
 */
import { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from '../taxonomy';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * ACLED sub-event types, which decide first because they are more specific than event types. Maps, not
 * object literals: a file's `constructor` or `__proto__` must be an unknown word, not Object's members.
 */
const ACLED_SUB_EVENT = new Map<string, EventType>(Object.entries({
  'air/drone strike': 'strike',
  'shelling/artillery/missile attack': 'strike',
  'remote explosive/landmine/ied': 'strike',
  'suicide bomb': 'strike',
  grenade: 'strike',
  'chemical weapon': 'strike',
  'armed clash': 'armed-group',
  'government regains territory': 'armed-group',
  'non-state actor overtakes territory': 'armed-group',
  attack: 'armed-group',
  'abduction/forced disappearance': 'armed-group',
  'sexual violence': 'armed-group',
  'change to group/activity': 'armed-group',
  'disrupted weapons use': 'armed-group',
  'headquarters or base established': 'armed-group',
  'non-violent transfer of territory': 'armed-group',
  'looting/property destruction': 'armed-group',
  agreement: 'meeting',
  arrests: 'statement',
  'peaceful protest': 'statement',
  'protest with intervention': 'statement',
  'excessive force against protesters': 'armed-group',
  'violent demonstration': 'armed-group',
  'mob violence': 'armed-group',
  other: 'statement',
} satisfies Record<string, EventType>));

const ACLED_EVENT = new Map<string, EventType>(Object.entries({
  battles: 'armed-group',
  'explosions/remote violence': 'strike',
  'violence against civilians': 'armed-group',
  protests: 'statement',
  riots: 'armed-group',
  'strategic developments': 'statement',
} satisfies Record<string, EventType>));

/** CAMEO codes by longest matching prefix: 042/043 visits, 04 consultations, 195 aerial weapons, 18–20 force. */
const CAMEO_PREFIX: [string, EventType][] = [
  ['042', 'visit'],
  ['043', 'visit'],
  ['057', 'vote'],
  ['195', 'strike'],
  ['04', 'meeting'],
  ['18', 'armed-group'],
  ['19', 'armed-group'],
  ['20', 'armed-group'],
  ['01', 'statement'],
  ['02', 'statement'],
];

const BY_NAME = new Map<string, EventType>();
for (const type of EVENT_TYPES) {
  BY_NAME.set(type, type);
  BY_NAME.set(norm(EVENT_TYPE_INFO[type].label), type);
}
for (const [alias, type] of [
  ['travel', 'visit'], ['trip', 'visit'], ['attack', 'strike'], ['airstrike', 'strike'], ['air strike', 'strike'],
  ['legislation', 'vote'], ['election', 'vote'], ['talks', 'meeting'], ['armed group', 'armed-group'],
] as const) BY_NAME.set(alias, type);

/**
 * The Dateline type for an imported type / sub-type pair, or null when nothing matches.
 * @param type - e.g. `Explosions/Remote violence`, `meeting`, `Visit / travel`, `042`
 * @param subType - e.g. `Air/drone strike` ('' when the file has none)
 * @example mapEventType('Strategic developments', 'Agreement') // 'meeting'
 */
export function mapEventType(type: string, subType = ''): EventType | null {
  const t = norm(type);
  const sub = norm(subType);
  if (BY_NAME.has(t)) return BY_NAME.get(t)!;
  const bySub = sub ? ACLED_SUB_EVENT.get(sub) : undefined;
  if (bySub) return bySub;
  const byEvent = ACLED_EVENT.get(t);
  if (byEvent) return byEvent;
  const code = /^\d{2,4}$/.test(sub) ? sub : /^\d{2,4}$/.test(t) ? t : '';
  if (code) for (const [prefix, mapped] of CAMEO_PREFIX) if (code.startsWith(prefix)) return mapped;
  return null;
}

/** The type used when a file's type is missing or unknown (reported as a warning, never silently). */
export const FALLBACK_EVENT_TYPE: EventType = 'statement';
