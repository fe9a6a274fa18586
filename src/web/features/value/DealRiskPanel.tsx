// The deal-risk assessment of an opportunity (BANT gaps, sponsor, stakeholders, POC criteria).
export function DealRiskPanel(_props: { opportunityId: string }) {
  return null;
}
