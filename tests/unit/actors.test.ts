/** Actors (src/core/actors.ts): names with titles, organisations, corpus-wide variants. */
import { describe, expect, it } from 'vitest';
import { actorIndex, addActor, canonicalName, editDistance, findActors, foldName } from '../../src/core/actors';

const names = (text: string) => findActors(text).filter((a) => !a.titleOnly).map((a) => `${a.name}/${a.kind}`);

describe('findActors', () => {
  it('strips titles and keeps name particles', () => {
    expect(names('Lt. General Qassem Soleimani and Abu Mahdi al-Muhandis were killed.')).toEqual(['Qassem Soleimani/person', 'Abu Mahdi al-Muhandis/person']);
    expect(names('Iraqi Prime Minister Mustafa al-Kadhimi met Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei.')).toEqual(['Mustafa al-Kadhimi/person', 'Ali Khamenei/person']);
  });

  it('strips hyphenated titles ("Vice-President", "Secretary-General", "ex-minister")', () => {
    expect(names('Vice-President Grace Tembo greeted him.')).toEqual(['Grace Tembo/person']);
    expect(names('UN Secretary-General Ana Lima and ex-minister Tomas Berg spoke.')).toEqual(['Ana Lima/person', 'Tomas Berg/person']);
    expect(names('Lieutenant-Colonel Ravi Nair led the unit.')).toEqual(['Ravi Nair/person']);
  });

  it('strips a portfolio after "Minister of" / "Minister for" ("Minister of Foreign Affairs Cho Tae-yul")', () => {
    expect(names('Minister of Foreign Affairs Lina Haddad met Minister for Home Affairs Ravi Nair.')).toEqual(['Lina Haddad/person', 'Ravi Nair/person']);
    expect(names('Minister of Finance Tomas Berg spoke.')).toEqual(['Tomas Berg/person']);
    // Not a title elsewhere: the ministry keeps its name.
    expect(names('The Ministry of Foreign Affairs said so.')).toEqual(['Ministry of Foreign Affairs/org']);
  });

  it("keeps a sentence's final period and an abbreviation's cut initial out of organisation names", () => {
    expect(names('The raid was condemned by the National Unity Government. It gave no toll.')).toEqual(['National Unity Government/org']);
    expect(names('Officials of the U.S. State Department met them.')).toEqual(['State Department/org']);
  });

  it('leaves a middle initial out of the name ("Antony J. Blinken" is Antony Blinken); a lone initial names nobody', () => {
    expect(names('She met Secretary of State Maria T. Okonjo on Monday.')).toEqual(['Maria Okonjo/person']);
    expect(names('He met Tomas R. Berg.')).toEqual(['Tomas Berg/person']);
    expect(names('R. Berg spoke.')).toEqual([]);
  });

  it('never takes a title opened by a capitalised "The" inside a sentence for a person ("… The Standard visited")', () => {
    expect(names('For a report on Tuesday, The Standard visited a clinic run by Dr. Amina Odhiambo.')).toEqual(['Amina Odhiambo/person']);
  });

  it('never takes a building, a street or a rite for a person ("Dimaporo Gymnasium", "Catholic Mass")', () => {
    expect(names('A bomb went off in the Dimaporo Gymnasium during a Catholic Mass near Nacho Street, said Amina Odhiambo.')).toEqual(['Amina Odhiambo/person']);
  });

  it('never runs a name on across a sentence end ("… met Tomas Berg. The Ministry of …")', () => {
    expect(names('He met Tomas Berg. The Ministry of Foreign Affairs said so.')).toEqual(['Tomas Berg/person', 'Ministry of Foreign Affairs/org']);
    expect(names('He met Wang Yi. The Ministry of Commerce said so.')).toEqual(['Wang Yi/person', 'Ministry of Commerce/org']);
  });

  it('reads two-word demonyms as one ("Sri Lankan President …"), never as a name', () => {
    expect(names('Sri Lankan President Ranil Perera arrived on Tuesday.')).toEqual(['Ranil Perera/person']);
    expect(findActors('Sri Lankan President Ranil Perera arrived on Tuesday.')[0]).toMatchObject({ affiliation: 'LK' });
    expect(names('South African Foreign Minister Naledi Dube met him.')).toEqual(['Naledi Dube/person']);
    expect(names('The South African Armed Forces said so.')).toEqual(['South African Armed Forces/org']);
  });

  it('never takes a modifier or a plural noun at a sentence start for a name ("Former finance minister …", "Analysts said")', () => {
    expect(names('Former finance minister Yanis Varoufakis voted for the reforms.')).toEqual(['Yanis Varoufakis/person']);
    expect(names('Analysts said the vote was close. Witnesses saw the convoy.')).toEqual([]);
  });

  it('reads police ranks and an "acting" title as titles, and a subordinate conjunction at a sentence start as no name', () => {
    // A Fijian police officer, as a wire story quotes one.
    expect(names('Royal Island Constabulary Acting Superintendent Mere Vunivalu told Pacific Broadcasting Corp. the road was closed.'))
      .toEqual(['Mere Vunivalu/person', 'Pacific Broadcasting Corp/org']); // the constabulary is her affiliation
    expect(names('Inspector General Jone Rabuka and Police Commissioner Sitiveni Tora spoke.')).toEqual(['Jone Rabuka/person', 'Sitiveni Tora/person']);
    expect(names('Although Jone Rabuka objected, the road was closed.')).toEqual(['Jone Rabuka/person']);
    expect(names('Though Inland clans have feuded for years, the fighting was new.')).toEqual(['Inland/person']);
    expect(findActors('Though Inland clans have feuded for years.')[0]).toMatchObject({ certain: false });
  });

  it('strips plural titles ("Presidents Zelensky and Duda")', () => {
    expect(names('Presidents Zelensky and Duda held talks.')).toEqual(['Zelensky/person', 'Duda/person']);
    expect(names('Foreign Ministers Annalena Baerbock and Antony Blinken met.')).toEqual(['Annalena Baerbock/person', 'Antony Blinken/person']);
    expect(names('Generals Mark Milley and Valery Gerasimov spoke.')).toEqual(['Mark Milley/person', 'Valery Gerasimov/person']);
    expect(findActors('Presidents Zelensky and Duda held talks.').map((a) => a.certain)).toEqual([true, true]);
    expect(findActors('Ministers Lavrov, Wang and Blinken met.').map((a) => a.certain)).toEqual([true, true, true]);
    // A singular title confirms only its own name.
    expect(findActors('President Zelensky and Duda held talks.').map((a) => a.certain)).toEqual([true, false]);
  });

  it('recognises lexicon organisations in any spelling and institution names', () => {
    expect(names("ISIS fighters and the Islamic Revolution Guards Corps clashed; Hashd al-Sha'abi units and the Quds Force moved.")).toEqual([
      'Daesh (ISIS)/org',
      'Islamic Revolution Guards Corps (IRGC)/org',
      'Popular Mobilization Units (PMU)/org',
      'Quds Force/org',
    ]);
  });

  it('treats an organisation in a title as an affiliation, not an actor', () => {
    const text = "Secretary of Iran's Supreme National Security Council (SNSC) Ali Shamkhani spoke.";
    const iran = [{ start: 13, end: 17 }]; // resolved as a place by the places stage
    const all = findActors(text, 0, text.length, iran);
    expect(all.filter((a) => a.titleOnly).map((a) => a.name)).toEqual(['Supreme National Security Council (SNSC)']);
    expect(all.filter((a) => !a.titleOnly).map((a) => a.name)).toEqual(['Ali Shamkhani']);
  });

  it('records the country of a demonym in the title', () => {
    const [a] = findActors('Kenyan President William Ruto arrived.');
    expect(a).toMatchObject({ name: 'William Ruto', affiliation: 'KE', certain: true });
  });

  it('marks lone capitalised words as needing corpus confirmation', () => {
    const [a] = findActors('Shamkhani said the talks went well.');
    expect(a).toMatchObject({ name: 'Shamkhani', certain: false });
  });
});

describe('ActorIndex', () => {
  it('merges spelling variants and confirms lone surnames', () => {
    const index = actorIndex();
    for (const name of ['Ali Shamkhani', 'Ali Sjamkhani', 'Ali Shamkhani', 'Qasim Mohammad Jalal al-Araji', 'Qasim al-Araji']) addActor(index, { name, kind: 'person', certain: true });
    expect(canonicalName(index, { name: 'Ali Sjamkhani', kind: 'person', certain: true })).toBe('Ali Shamkhani');
    expect(canonicalName(index, { name: 'Shamkhani', kind: 'person', certain: false })).toBe('Ali Shamkhani');
    expect(canonicalName(index, { name: 'Araji', kind: 'person', certain: false })).toBe('Qasim Mohammad Jalal al-Araji');
    expect(canonicalName(index, { name: 'al-Araji', kind: 'person', certain: false })).toBe('Qasim Mohammad Jalal al-Araji');
    expect(canonicalName(index, { name: 'Baghdad', kind: 'person', certain: false })).toBeNull();
  });

  it('keeps two people with one surname apart and a lone surname ambiguous', () => {
    const index = actorIndex();
    addActor(index, { name: 'Ali Khamenei', kind: 'person', certain: true });
    addActor(index, { name: 'Mojtaba Khamenei', kind: 'person', certain: true });
    expect(canonicalName(index, { name: 'Mojtaba Khamenei', kind: 'person', certain: true })).toBe('Mojtaba Khamenei');
    expect(canonicalName(index, { name: 'Khamenei', kind: 'person', certain: false })).toBeNull();
  });

  it('folds and measures names', () => {
    expect(foldName('Al-Araji')).toBe('araji');
    expect(foldName('Qassem')).toBe(foldName('Qasem'));
    expect(editDistance('sjamkhani', 'shamkhani', 2)).toBe(1);
    expect(editDistance('macron', 'merkel', 2)).toBe(3);
  });
});
