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
  // Al Asad Air Base (OurAirports ORAA) as the news names it.
  'ap:ORAA': ['Ain al-Asad', 'Ain al-Asad Air Base', 'Ain al-Assad', 'Ain al-Asad airbase', 'Al-Asad Airbase'],
  'cc:US': ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America'],
  // The nations of the UK are not ISO countries; they resolve to the UK (country precision).
  'cc:GB': ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
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
