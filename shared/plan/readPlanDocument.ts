import type * as Y from 'yjs';
import { readPlainPlan } from './readPlainPlan';
import { isRichText, readBlocks } from './richText';
import { itemHow, listDirections, listItems, planFocus, planItems, planPreamble, planStrategy, readMeta } from './schema';
import type { Block, PlainPlan, PlanDocument, TextRun } from './types';

/** The preamble is stored as paragraphs; the document model holds it as one run list. */
function blocksToRuns(blocks: Block[]): TextRun[] {
  const runs: TextRun[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) runs.push({ text: '\n' });
    if (block.type === 'bulletList' || block.type === 'orderedList') {
      block.items.forEach((item, i) => {
        if (i > 0) runs.push({ text: '\n' });
        runs.push(...item);
      });
    } else runs.push(...block.runs);
  });
  return runs;
}

/** The plan's plain form, each item's Hur also as rich text where it holds more than plain lines. */
function planWithRichHow(doc: Y.Doc): PlainPlan {
  const plan = readPlainPlan(doc);
  const items = listItems(doc);
  const directions = listDirections(doc);
  plan.directions.forEach((direction, d) => {
    const ids = items.filter((i) => i.directionId === directions[d].id).map((i) => i.id);
    direction.items.forEach((item, i) => {
      const blocks = readBlocks(itemHow(planItems(doc).get(ids[i])!));
      if (isRichText(blocks)) item.howRich = blocks;
    });
  });
  return plan;
}

/** Everything a plan document holds, read back from its Y.Doc: the inverse of writePlanDocument. */
export function readPlanDocument(doc: Y.Doc): PlanDocument {
  const { organisation, version } = readMeta(doc);
  return {
    plan: planWithRichHow(doc),
    organisation,
    version,
    preamble: blocksToRuns(readBlocks(planPreamble(doc))),
    strategy: readBlocks(planStrategy(doc)),
    focus: readBlocks(planFocus(doc)),
  };
}
