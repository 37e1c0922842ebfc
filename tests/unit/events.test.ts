/**
 * Event typing rules of src/core/events.ts that need no gazetteer: speakers, anaphora, relative dates,
 * quotations. (Typing with real places is in typing.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { findActors } from '../../src/core/actors';
import { findDates } from '../../src/core/dates';
import { detectEvents, findRemarks, type TypingInput } from '../../src/core/events';
import { splitSentences } from '../../src/core/sentences';

function input(text: string, published: string | null): TypingInput {
  const sentences = splitSentences(text);
  const dates = findDates(text, published);
  const actors = sentences.flatMap((s) => findActors(text, s.start, s.end));
  return { file: 'a.txt', text, sentences, places: [], dates: dates.dates, relative: dates.relative, actors };
}

describe('detectEvents', () => {
  it('types a vote, not a strike, when the strike is only the anchor of a relative date', () => {
    const events = detectEvents(input('Peruvian lawmakers approved a bill two days after the assassination of the mayor.', '2023-01-10'));
    expect(events.map((e) => [e.type, e.relative?.days, e.relative?.anchor])).toEqual([['vote', 2, 'assassination']]);
  });

  it('does not count the speaker among the actors of the event reported', () => {
    const [strike] = detectEvents(input('Defence Minister Rustem Umerov said the strike killed General Ivan Petrov.', '2024-02-02'));
    expect(strike.type).toBe('strike');
    expect(strike.actors.map((a) => a.name)).toEqual(['Ivan Petrov']);
  });

  it('carries the date of a trip to the meeting that follows ("He met …")', () => {
    const text = 'Chilean President Gabriel Boric traveled to Lima on Monday. He met with President Pedro Castillo.';
    const events = detectEvents(input(text, '2022-04-06'));
    // (Lone capitalised words such as "Lima" wait for corpus confirmation; only certain names are shown.)
    expect(events.map((e) => [e.type, e.date?.date, e.actors.filter((a) => a.certain).map((a) => a.name)])).toEqual([
      ['visit', '2022-04-04', ['Gabriel Boric']],
      ['meeting', '2022-04-04', ['Gabriel Boric', 'Pedro Castillo']],
    ]);
  });

  it('needs a named traveller for a visit', () => {
    expect(detectEvents(input('The delegation visited the border crossing on Friday.', '2022-04-06'))).toEqual([]);
  });

  it('keeps a date in the narrative out of an event inside a quotation', () => {
    const text = 'On Monday, Minister Ana Silva said: "The law passed by parliament will help farmers in the south."';
    const events = detectEvents(input(text, '2022-04-06'));
    const vote = events.find((e) => e.type === 'vote')!;
    expect(vote.date).toBeNull();
  });
});

describe('findRemarks', () => {
  it('finds the named speaker before or right after a verb of speech', () => {
    const text = 'Minister Ana Silva said the talks went well. "We are ready," said Jorge Rivas. The weather was fine.';
    expect(findRemarks(input(text, '2022-04-06')).map((r) => r.speaker.name)).toEqual(['Ana Silva', 'Jorge Rivas']);
  });
});
