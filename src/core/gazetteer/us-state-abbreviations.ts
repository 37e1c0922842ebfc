/**
 * The Associated Press abbreviations of US state names, as US outlets write them after a town ("Springfield,
 * Ill.", "Charleston, W.Va."), by USPS code (which is also the GeoNames admin1 code of US towns). From the
 * AP Stylebook's list of state abbreviations; states the Stylebook never abbreviates (Alaska, Hawaii, Idaho,
 * Iowa, Maine, Ohio, Texas, Utah) have none. Many are also English words ("Ill.", "Mass.", "Wash."), so
 * the resolver reads them only as a qualifier right after a comma and a town, never on their own.
 */
export const AP_STATE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.'], CO: ['Colo.'], CT: ['Conn.'], DE: ['Del.'],
  DC: ['D.C.'], FL: ['Fla.'], GA: ['Ga.'], IL: ['Ill.'], IN: ['Ind.'], KS: ['Kan.', 'Kans.'], KY: ['Ky.'],
  LA: ['La.'], MD: ['Md.'], MA: ['Mass.'], MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'], MO: ['Mo.'],
  MT: ['Mont.'], NE: ['Neb.', 'Nebr.'], NV: ['Nev.'], NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'], NY: ['N.Y.'],
  NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'], OR: ['Ore.', 'Oreg.'], PA: ['Pa.', 'Penn.'], RI: ['R.I.'],
  SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], VT: ['Vt.'], VA: ['Va.'], WA: ['Wash.'], WV: ['W.Va.', 'W. Va.'],
  WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'],
};
