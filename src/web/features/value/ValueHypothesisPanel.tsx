// The value hypothesis of an opportunity (pains, drivers, assumptions, ROI/NPV/payback) with live recalculation.
export function ValueHypothesisPanel(_props: { opportunityId: string; accountId: string }) {
  return null;
}
