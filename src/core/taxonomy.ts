/**
 * Dateline's event taxonomy: a handful of types a reader recognises at a glance, each mapped to the
 * CAMEO root code and the ACLED event type / sub-event type analysts already know.
 */
export const EVENT_TYPES = [
  'meeting',
  'visit',
  'strike',
  'vote',
  'armed-group',
  'statement',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface EventTypeInfo {
  label: string;
  /** CAMEO code and name (Gerner et al., CAMEO 1.1b3). */
  cameo: string;
  /** ACLED event type / sub-event type (ACLED codebook 2023). */
  acled: string;
  /** Legend colour; chosen to stay distinguishable for common colour-vision deficiencies (Okabe–Ito). */
  color: string;
}

export const EVENT_TYPE_INFO: Record<EventType, EventTypeInfo> = {
  meeting: {
    label: 'Meeting',
    cameo: '040 Consult, not specified / 044 Meet at a third location',
    acled: 'Strategic developments / Other (Agreement when one is signed)',
    color: '#0072B2',
  },
  visit: {
    label: 'Visit / travel',
    cameo: '042 Make a visit / 043 Host a visit',
    acled: 'Strategic developments / Other',
    color: '#56B4E9',
  },
  strike: {
    label: 'Strike / attack',
    cameo: '195 Employ aerial weapons / 186 Assassinate / 18 Assault',
    acled: 'Explosions/Remote violence / Air/drone strike (Shelling/artillery/missile attack for ground fire)',
    color: '#D55E00',
  },
  vote: {
    label: 'Legislation / vote',
    // CAMEO codes interactions, not legislative acts: a vote is coded by what it does, e.g. Iraq's
    // January 2020 resolution to expel foreign forces is 106 Demand withdrawal.
    cameo: '— (no CAMEO code for legislative acts; code the decision: e.g. 106 Demand withdrawal)',
    acled: 'Strategic developments / Other',
    color: '#009E73',
  },
  'armed-group': {
    label: 'Armed-group activity',
    cameo: '18 Assault / 19 Fight',
    acled: 'Battles / Armed clash; Strategic developments / Non-violent transfer of territory',
    color: '#CC79A7',
  },
  statement: {
    label: 'Statement',
    cameo: '01 Make public statement',
    acled: 'Strategic developments / Other',
    color: '#E69F00',
  },
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
