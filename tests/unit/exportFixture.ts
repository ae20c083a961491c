import type { PlainItem, PlanDocument } from '../../shared/plan/types';
import type { ItemThreads } from '../../shared/export/types';

// A generated plan whose text is as awkward as people make it: tabs, line breaks,
// quotes, semicolons, emoji, å ä ö, text that looks like markup or a formula, and
// activities with continuation rows.

const item = (fields: Partial<PlainItem> & Pick<PlainItem, 'activity' | 'how'>): PlainItem => ({
  who: [],
  when: '',
  status: 'not_started',
  statusNote: '',
  priority: null,
  ...fields,
});

export function awkwardPlanDocument(): PlanDocument {
  return {
    organisation: 'Föreningen Åäö "Test" 🌱',
    version: 'Version 3',
    preamble: [{ text: 'Redovisas vid årsmötet 2 juni 2026\nFöljs upp av styrelsen.', bold: true }],
    strategy: [
      { type: 'heading', level: 1, runs: [{ text: '1. Vision' }] },
      { type: 'paragraph', runs: [{ text: 'En hållbar värld; "med citat" och ' }, { text: 'fetstil', bold: true }, { text: ' samt ' }, { text: 'länk', link: 'https://example.org/å?a=1&b=2' }, { text: '.' }] },
      { type: 'heading', level: 2, runs: [{ text: '3.1 Organisation' }] },
      { type: 'bulletList', items: [[{ text: 'Punkt *ett* med | streck' }], [{ text: 'Punkt två 🎉' }]] },
      { type: 'orderedList', items: [[{ text: 'Förebilder', bold: true }, { text: ' på lokal nivå' }], [{ text: 'Pådrivare' }]] },
      { type: 'paragraph', runs: [{ text: '1. Ser ut som en lista men är text' }] },
    ],
    focus: [{ type: 'paragraph', runs: [{ text: 'Fokus under året: "Framtidsagenda" – å ä ö.' }] }],
    plan: {
      title: 'Handlingsplan 2026',
      year: 2026,
      directions: [
        {
          title: 'Förebild; "och" föregångare',
          items: [
            item({ activity: 'Vad med\ttabb', how: 'Rad ett\nRad två med "citat"', who: ['Styrelse', 'Kansli'], when: 'Hela året', status: 'in_progress', statusNote: 'Pågående', priority: 1 }),
            item({ activity: 'Vad med\ttabb', how: 'Fortsättning; med semikolon', who: ['Medlemmar'], when: 'Vår', status: 'planned', statusNote: 'planeras', priority: 2 }),
            item({ activity: 'Emoji 🚲 och ÅÄÖ', how: '=SUMMA(A1:A2) ska förbli text', who: ['Blekinge Tekniska Högskola'], status: 'done', statusNote: 'Klart (Sotenäs)', priority: 3 }),
          ],
        },
        {
          title: 'Tom inriktning',
          items: [],
        },
        {
          title: 'Pådrivare',
          items: [
            item({ activity: '- Börjar med streck', how: 'Hur | med rör *och* _understreck_', who: [], when: '', status: 'paused', statusNote: 'Vilande', priority: null }),
            item({ activity: 'Sista "raden"', how: 'Slut.\r\nNästan', who: ['Tjänstepersonforum', 'Ordförande'], when: 'Hösten 2026', status: 'not_started', statusNote: '', priority: 2 }),
          ],
        },
      ],
    },
  };
}

export const awkwardComments = (): ItemThreads[] => [
  {
    itemKey: '0/0',
    threads: [
      { resolved: false, comments: [{ author: 'Åsa Öberg', at: '2026-03-12T09:15:00.000Z', text: 'Öppen fråga; "varför"?' }] },
      { resolved: true, comments: [{ author: 'Per', at: '2026-03-12T10:00:00.000Z', text: 'Löst\nmed två rader' }] },
    ],
  },
  { itemKey: '2/1', threads: [{ resolved: true, comments: [{ author: 'Kansli', at: '2026-04-01T08:00:00.000Z', text: 'Klart 👍' }] }] },
];

/** Every item in document order, with its direction. */
export const allItems = (doc: PlanDocument) => doc.plan.directions.flatMap((d) => d.items.map((i) => ({ direction: d.title, ...i })));
