// Content library items relevant to a lead or opportunity (objection responses, talk tracks, battlecards, stories).
export function ContentLinks(_props: { industry?: string | null; stage?: string | null; title?: string }) {
  return null;
}
