/** Precision / recall / F1 of predicted links against the true links of a labelled set. */
export interface LinkScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A link between a query record and a registry person, as a set key. */
export const linkKey = (queryId: string, personId: string): string => `${queryId}|${personId}`;

/**
 * Scores predicted links (`linkKey`s) against the true ones. With nothing predicted, precision is
 * 1 (no wrong link was made); with nothing to find, recall is 1.
 */
export function scoreLinks(predicted: ReadonlySet<string>, truth: ReadonlySet<string>): LinkScore {
  let tp = 0;
  for (const k of predicted) if (truth.has(k)) tp++;
  const fp = predicted.size - tp;
  const fn = truth.size - tp;
  const precision = predicted.size === 0 ? 1 : tp / predicted.size;
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
