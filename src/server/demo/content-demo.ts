// Demo content library: the seed's objection responses (004 "Common Objections & Responses"), talk tracks per
// industry, battlecards and success stories (004 "Tools and Resources"). One multi-row insert.
import { defaultPlaybook } from '../../core/playbook';
import type { Database } from '../db/client';
import { contentItems } from '../db/schema';
import type { DemoContext } from './context';

type Item = typeof contentItems.$inferInsert;

const TALK_TRACKS: { industry: string; title: string; body: string; stages: string[] }[] = [
  { industry: 'Financial Services', title: 'Talk track: banks under DORA', stages: ['lead', 'discovery'], body:
    '**Open with the regulator.** DORA asks for a complete register of ICT assets and their dependencies.\n\n'
    + '- Ask: *How long does it take you today to show an auditor which services depend on a given server?*\n'
    + '- Pain to listen for: audit findings on asset inventory, manual CMDB reconciliation before each audit.\n'
    + '- Proof: automated discovery with dependency mapping keeps the register current without spreadsheet sprints.' },
  { industry: 'Healthcare', title: 'Talk track: hospitals and clinical devices', stages: ['lead', 'discovery'], body:
    '**Lead with patient safety and uptime.** Unknown network devices are a security and compliance risk.\n\n'
    + '- Ask: *Do you know every device on the clinical network, and who owns it?*\n'
    + '- Compliance hooks: HIPAA, ISO 27001.\n- Offer a POC on one site: a device inventory in four weeks.' },
  { industry: 'Manufacturing', title: 'Talk track: plants with OT and IT side by side', stages: ['lead', 'discovery'], body:
    '**Visibility across plants.** Sites grow by acquisition and nobody has one inventory.\n\n'
    + '- Ask: *How many plants report their assets in a different format?*\n- Value: one CMDB, fewer outages from unknown changes.' },
  { industry: 'Logistics', title: 'Talk track: logistics and always-on operations', stages: ['lead', 'discovery'], body:
    '**Outages stop trucks.** Dependency maps shorten incident resolution.\n\n'
    + '- Ask: *When a warehouse system fails, how fast do you find what else is affected?*\n- Tie to MTTR and SLA penalties.' },
  { industry: 'Public Sector', title: 'Talk track: public sector and NIS2', stages: ['lead', 'discovery', 'proposal'], body:
    '**NIS2 makes asset management a board topic.**\n\n- Ask: *Which of your services are essential under NIS2, and what do they run on?*\n'
    + '- Procurement: position the POC as a low-risk pilot with a credited fee.' },
  { industry: 'Telecommunications', title: 'Talk track: telecom scale', stages: ['lead', 'discovery'], body:
    '**Tens of thousands of network devices.** Manual upkeep cannot keep up.\n\n- Ask: *How accurate is your CMDB today, by your own estimate?*\n'
    + '- Quantify: hours of manual CMDB upkeep per month × loaded cost.' },
];

const BATTLECARDS: { competitor: string; title: string; body: string }[] = [
  { competitor: 'Native ServiceNow Discovery', title: 'Battlecard: native ServiceNow Discovery', body:
    '**Where they win:** already licensed, one vendor.\n\n**Where we win:** dependency mapping across cloud and on-premises without MID-server sprawl; '
    + 'accuracy reports the CMDB owner can act on.\n\n**Trap question:** *What share of your CIs were updated by discovery in the last 30 days?*' },
  { competitor: 'Spreadsheets and manual audits', title: 'Battlecard: the spreadsheet status quo', body:
    '**Where they win:** no budget needed.\n\n**Where we win:** audit findings, consultant spend and outage time cost more than the subscription; '
    + 'use the ROI calculator with their own server count.' },
  { competitor: 'Agent-based inventory tools', title: 'Battlecard: agent-based inventory tools', body:
    '**Where they win:** deep software inventory on managed endpoints.\n\n**Where we win:** agentless discovery of network devices and cloud resources, '
    + 'and service dependency maps, which agents do not see.' },
];

const STORIES: { industry: string; title: string; body: string; stages: string[] }[] = [
  { industry: 'Financial Services', title: 'Success story: a Nordic bank passes its DORA audit', stages: ['discovery', 'proposal', 'negotiation'], body:
    'CMDB accuracy went from about 60 % to 97 % in five months; the audit closed with no asset-inventory findings and 1,400 hours of manual upkeep a year were saved.' },
  { industry: 'Healthcare', title: 'Success story: a regional hospital group maps its clinical network', stages: ['discovery', 'poc'], body:
    'The four-week POC found 2,300 devices missing from the inventory; the full rollout cut incident triage time by a third.' },
  { industry: 'Manufacturing', title: 'Success story: one inventory for twelve plants', stages: ['proposal', 'poc', 'negotiation'], body:
    'After two acquisitions the group had five asset lists. One discovery platform replaced them and paid back in eleven months.' },
  { industry: 'Logistics', title: 'Success story: a freight operator halves its outage time', stages: ['discovery', 'proposal'], body:
    'Dependency maps showed which warehouse systems shared a database cluster; mean time to restore fell from 3.1 to 1.4 hours.' },
];

export async function loadContentDemo(database: Database, ctx: DemoContext): Promise<number> {
  const author = ctx.usersByRole.sales[0] ?? ctx.usersByRole.admin[0] ?? null;
  const at = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * 86_400_000);
  const items: Item[] = [
    ...defaultPlaybook.leads.objections.map((o, i): Item => ({
      kind: 'objection_response', title: `Objection: "${o.objection}"`, body: o.response, stages: ['lead', 'discovery'],
      tags: ['objection', o.id], createdAt: at(120 + i), updatedAt: at(30 + i),
    })),
    ...TALK_TRACKS.map((t, i): Item => ({ kind: 'talk_track', title: t.title, body: t.body, industries: [t.industry], stages: t.stages, tags: ['talk track'], createdAt: at(90 + i), updatedAt: at(20 + i) })),
    ...BATTLECARDS.map((b, i): Item => ({ kind: 'battlecard', title: b.title, body: b.body, competitor: b.competitor, stages: ['discovery', 'proposal', 'poc', 'negotiation'], tags: ['competition'], createdAt: at(80 + i), updatedAt: at(10 + i) })),
    ...STORIES.map((s, i): Item => ({ kind: 'success_story', title: s.title, body: s.body, industries: [s.industry], stages: s.stages, tags: ['reference'], createdAt: at(60 + i), updatedAt: at(5 + i) })),
  ].map((x) => ({ ...x, createdBy: author, updatedBy: author }));
  await database.db.insert(contentItems).values(items);
  return items.length;
}
