import type * as Y from 'yjs';
import { readPlainPlan } from './readPlainPlan';
import { readBlocks } from './richText';
import { planFocus, planPreamble, planStrategy, readMeta } from './schema';
import type { Block, PlanDocument, TextRun } from './types';

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

/** Everything a plan document holds, read back from its Y.Doc: the inverse of writePlanDocument. */
export function readPlanDocument(doc: Y.Doc): PlanDocument {
  const { organisation, version } = readMeta(doc);
  return {
    plan: readPlainPlan(doc),
    organisation,
    version,
    preamble: blocksToRuns(readBlocks(planPreamble(doc))),
    strategy: readBlocks(planStrategy(doc)),
    focus: readBlocks(planFocus(doc)),
  };
}
