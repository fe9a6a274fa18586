// The business-case arithmetic: yearly benefits and costs over a horizon → ROI, NPV and payback.
//
// Cash-flow convention (annual periods, amounts in integer minor units):
//   - Costs of year t are paid at the START of year t: year 1 = implementation + first subscription, year t > 1 =
//     subscription. Benefits of year t arrive over the year and are counted at its END.
//   - As a cash-flow vector indexed by year end: CF₀ = −C₁ (implementation + first-year subscription, at signing),
//     CFₜ = Bₜ − Cₜ₊₁ for 1 ≤ t < N, CF_N = B_N.
//   - NPV = Σₜ₌₀..N CFₜ / (1 + r)ᵗ, r = discount rate.
//   - ROI % = (Σ B − Σ C) / Σ C × 100 over the horizon; undefined (null) when Σ C = 0.
//   - Payback: the cumulative position after paying year t's cost is Pₜ = Σₖ₍ₜ Bₖ − Σₖ≤ₜ Cₖ; during year t it rises
//     linearly by Bₜ. Payback is the first moment it reaches 0: 12·(t−1) + 12·(−Pₜ)/Bₜ months, or 12·(t−1) when
//     Pₜ ≥ 0 already; null when the horizon ends first ("never pays back").

export interface YearFlow {
  year: number; // 1..N
  benefits: number;
  costs: number;
  net: number; // benefits − costs of the year
  cumulative: number; // Σ net up to and including this year
}

export interface RoiResult {
  years: YearFlow[];
  cashFlows: number[]; // CF₀..CF_N as above
  totalBenefits: number;
  totalCosts: number;
  netValue: number;
  roiPercent: number | null; // one decimal
  npv: number; // rounded to a minor unit
  paybackMonths: number | null; // one decimal
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function npv(cashFlows: readonly number[], ratePercent: number): number {
  const r = ratePercent / 100;
  return cashFlows.reduce((sum, cf, t) => sum + cf / (1 + r) ** t, 0);
}

export function paybackMonths(benefits: readonly number[], costs: readonly number[]): number | null {
  let received = 0;
  let paid = 0;
  for (let t = 1; t <= benefits.length; t++) {
    paid += costs[t - 1];
    const position = received - paid;
    if (position >= 0) return round1(12 * (t - 1));
    const b = benefits[t - 1];
    if (b > 0 && position + b >= 0) return round1(12 * (t - 1) + (12 * -position) / b);
    received += b;
  }
  return null;
}

/** benefits[t−1] and costs[t−1] are year t's (costs at the start of the year, benefits during it). */
export function businessCase(benefits: readonly number[], costs: readonly number[], discountRatePercent: number): RoiResult {
  if (benefits.length !== costs.length || benefits.length === 0) throw new Error('benefits and costs need one entry per year');
  const n = benefits.length;
  let cumulative = 0;
  const years = benefits.map((b, i) => {
    const net = b - costs[i];
    cumulative += net;
    return { year: i + 1, benefits: b, costs: costs[i], net, cumulative };
  });
  const cashFlows = [0 - costs[0], ...benefits.map((b, i) => b - (i + 1 < n ? costs[i + 1] : 0))];
  const totalBenefits = benefits.reduce((a, b) => a + b, 0);
  const totalCosts = costs.reduce((a, b) => a + b, 0);
  return {
    years, cashFlows, totalBenefits, totalCosts, netValue: totalBenefits - totalCosts,
    roiPercent: totalCosts === 0 ? null : round1(((totalBenefits - totalCosts) / totalCosts) * 100),
    npv: Math.round(npv(cashFlows, discountRatePercent)),
    paybackMonths: paybackMonths(benefits, costs),
  };
}
