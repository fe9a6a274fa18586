/**
 * The default playbook: the five seed documents as data.
 *
 * Seeds: 000 value streams, 001 customer success framework, 002 value realization lifecycle,
 * 003 delivery process, 004 lead generation. Each field names its seed and section; values the
 * seeds do not give are marked `// assumption, not in seed`. Where a seed names a person, the
 * playbook names the role instead.
 */
import { defaultCompany } from './company';
import type { Playbook } from './schema';

export const defaultPlaybook: Playbook = {
  schemaVersion: 1,
  name: 'Default playbook (seeds 000–004)',
  currency: 'USD', // DESIGN §5 money convention; seeds quote USD ($2.3M etc., 002)

  // DESIGN §4 business-hours calendar; 004 "within 1 hour during business hours"
  calendar: {
    timeZone: 'Europe/Copenhagen',
    workingDays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '17:00',
    holidays: [],
  },

  // The seller on invoices and proposals: demo values, assumption, not in seed (the seeds name OmniGaze only)
  company: defaultCompany,

  // Roles referenced by the seeds (people named in the seeds appear here by role)
  roles: [
    { id: 'marketing', label: 'Marketing', description: 'Lead generation campaigns and MQLs (000 §1 stage 1; 004 §1.1)' },
    { id: 'sdr', label: 'Sales development representative', description: 'Initial contact and BANT qualification (000 §1 stage 2; 004 §1.2)' },
    { id: 'sdr_manager', label: 'SDR manager', description: 'First escalation step (004 Escalation Path)' },
    { id: 'sales_operations', label: 'Sales operations', description: 'Lead enrichment and pricing questions (004 §1.3, Escalation Path)' },
    { id: 'sales_manager', label: 'Sales manager', description: 'Lead assignment and second escalation step (004 §1.4, Escalation Path)' },
    { id: 'vp_sales', label: 'VP sales', description: 'Last escalation step for leads (004 Escalation Path)' },
    { id: 'head_of_sales', label: 'Head of sales', description: 'Owner of the lead generation process (004)' },
    { id: 'presales_engineer', label: 'Pre-sales engineer', description: 'Technical questions during qualification (004 Escalation Path)' },
    { id: 'account_executive', label: 'Account executive', description: 'Receives qualified leads; owns customer concerns in delivery (004 Handoff; 003 Escalation Path)' },
    { id: 'commercial_lead', label: 'Commercial lead', description: 'Sales owner and CRM pipeline owner; commercial owner of strategic accounts; level-3 escalation (000 §1; 001)' },
    { id: 'technical_lead', label: 'Technical lead', description: 'Technical partner in discovery and POC; technical owner of strategic accounts; level-2 escalation; integration development lead (000; 001; 003 §7.3)' },
    { id: 'executive_sponsor', label: 'Executive sponsor', description: 'Strategic relationships only, 2–3 key accounts; level-4 escalation (000 §2; 001)' },
    { id: 'delivery_team', label: 'Delivery team', description: 'Runs the POC (000 §1 stage 5)' },
    { id: 'project_manager', label: 'Project manager', description: 'Kickoff and closure (003 §7.1, §7.6)' },
    { id: 'solution_architect', label: 'Solution architect', description: 'Planning & design; technical escalation in delivery (003 §7.2)' },
    { id: 'implementation_consultant', label: 'Implementation consultant', description: 'Implementation phase (003 §7.4)' },
    { id: 'training_lead', label: 'Training lead', description: 'Knowledge transfer (003 §7.5)' },
    { id: 'delivery_manager', label: 'Delivery manager', description: 'Project issue escalation (003 Escalation Path)' },
    { id: 'vp_delivery', label: 'VP delivery', description: 'Delivery process owner (003)' },
    { id: 'resource_manager', label: 'Resource manager', description: 'Resource issue escalation (003 Escalation Path)' },
    { id: 'cto', label: 'CTO', description: 'Technical escalation end point (003 Escalation Path)' },
    { id: 'ceo', label: 'CEO', description: 'Customer concern escalation end point (003 Escalation Path)' },
    { id: 'coo', label: 'COO', description: 'Resource escalation end point (003 Escalation Path)' },
    { id: 'csm', label: 'Customer success manager', description: 'Day-to-day customer success; owner of standard accounts; level-1 escalation (000 §2; 001)' },
    { id: 'partner', label: 'Partner', description: 'Routine check-ins and basic support for standard accounts (000 §2; 001)' },
    { id: 'account_team', label: 'Account team', description: 'Expansion and advocacy, year 2+ (000 §2 stage 4; 001 stage 5)' },
    { id: 'finance', label: 'Finance', description: 'Invoicing and collection (000 §1 stage 8; 003 Handoff)' },
    { id: 'support_agent', label: 'Support agent', description: 'Level 1 first response (000 §4)' },
    { id: 'support_engineer', label: 'Support engineer', description: 'Level 2 technical support (000 §4)' },
    { id: 'engineering', label: 'Engineering', description: 'Level 3 code-level investigation (000 §4)' },
  ],

  leads: {
    typicalInitialResponseDays: { min: 1, max: 2 }, // 004 Duration "1-2 days for initial response"
    // 004 Entry Criteria and §1.1; 000 §1 stage 1 activities
    sources: [
      { id: 'website', label: 'Website inquiry', direction: 'inbound' }, // 004 Entry Criteria
      { id: 'email', label: 'Email inquiry', direction: 'inbound' }, // 004 Entry Criteria
      { id: 'phone', label: 'Phone inquiry', direction: 'inbound' }, // 004 Entry Criteria
      { id: 'content', label: 'Content marketing (blog, whitepapers)', direction: 'inbound' }, // 000 §1 stage 1
      { id: 'seo_sem', label: 'SEO/SEM campaign', direction: 'inbound' }, // 000 §1 stage 1
      { id: 'webinar', label: 'Webinar registration', direction: 'inbound' }, // 000 §1 stage 1; 004 §1.1
      { id: 'event', label: 'Event registration', direction: 'inbound' }, // 000 §1 stage 1; 004 §1.1
      { id: 'partner_referral', label: 'Partner referral', direction: 'referral' }, // 000 §1 stage 1; 004 Entry Criteria
      { id: 'customer_referral', label: 'Existing customer referral', direction: 'referral' }, // 004 Entry Criteria
      { id: 'outbound', label: 'Outbound prospecting', direction: 'outbound' }, // 000 §1 stage 1; 004 §1.1
    ],
    outreachChannels: ['Email', 'Phone', 'LinkedIn'], // 004 Process Optimization Tips #2 multi-touch sequences
    // 000 §1 stages 1–2 (MQL → SQL); 'working' and 'converted' wording is an assumption, not in seed
    statuses: [
      { id: 'new', label: 'New (MQL received)' },
      { id: 'working', label: 'Working (initial contact)' },
      { id: 'qualified', label: 'Qualified (SQL)' },
      { id: 'disqualified', label: 'Disqualified' },
      { id: 'converted', label: 'Converted (handed to account executive)' },
    ],
    // 004 Entry Criteria
    entryCriteria: [
      { id: 'mql_received', label: 'Marketing qualified lead (MQL) received' },
      { id: 'inbound_inquiry', label: 'Inbound inquiry via website, email or phone' },
      { id: 'referral', label: 'Referral from partner or existing customer' },
      { id: 'outbound_target', label: 'Outbound prospecting target identified' },
    ],
    bant: {
      // 004 §1.2 Qualification Criteria (BANT) and Key Questions 1–5, grouped by letter
      criteria: [
        {
          id: 'budget',
          letter: 'B',
          label: 'Budget',
          criterion: 'IT operations/infrastructure budget identified', // 004 §1.2
          questions: ['Is there an IT operations or infrastructure budget for this initiative?'], // assumption, not in seed (no budget question in 004)
        },
        {
          id: 'authority',
          letter: 'A',
          label: 'Authority',
          criterion: 'Contact has influence on purchasing decisions', // 004 §1.2
          questions: ['Who else would be involved in evaluating solutions?'], // 004 §1.2 Key Question 5
        },
        {
          id: 'need',
          letter: 'N',
          label: 'Need',
          criterion: 'Clear pain points around asset management, CMDB accuracy, or compliance', // 004 §1.2
          questions: [
            'What challenges are you facing with IT asset visibility?', // 004 §1.2 Key Question 1
            'Do you currently have a CMDB? How accurate is it?', // 004 §1.2 Key Question 2
            'What compliance frameworks do you need to support?', // 004 §1.2 Key Question 3
          ],
        },
        {
          id: 'timeline',
          letter: 'T',
          label: 'Timeline',
          criterion: 'Initiative planned within 6-12 months', // 004 §1.2
          questions: ["What's your timeline for addressing these challenges?"], // 004 §1.2 Key Question 4
        },
      ],
      requiredCriteriaMet: 4, // 004 Exit Criteria "qualified against BANT criteria" (all four: assumption, not in seed)
      timelineHorizonMonths: 12, // 004 §1.2 "within 6-12 months"
    },
    // 004 §1.3 Lead Enrichment data points
    enrichmentFields: [
      { id: 'employees', label: 'Company size (employees)', type: 'number', group: 'firmographic' }, // 004 §1.3
      { id: 'industry', label: 'Industry', type: 'text', group: 'firmographic' }, // 004 §1.3
      { id: 'tech_stack', label: 'Technology stack (ServiceNow, …)', type: 'list', group: 'technographic' }, // 004 §1.3
      { id: 'monitoring_tools', label: 'Monitoring tools', type: 'list', group: 'technographic' }, // 004 §1.3
      { id: 'servers', label: 'Servers', type: 'number', group: 'infrastructure' }, // 004 §1.3 infrastructure scale
      { id: 'cloud_resources', label: 'Cloud resources', type: 'number', group: 'infrastructure' }, // 004 §1.3
      { id: 'network_devices', label: 'Network devices', type: 'number', group: 'infrastructure' }, // 004 §1.3
      { id: 'compliance_requirements', label: 'Compliance requirements', type: 'list', group: 'compliance' }, // 004 §1.3
      { id: 'recent_initiatives', label: 'Recent technology initiatives', type: 'list', group: 'initiatives' }, // 004 §1.3
    ],
    scoring: {
      // Intent (the points and weights are assumptions, not in seed; the criteria are from the seed): the score says
      // how soon a seller should call. BANT (004 §1.2) is the playbook's own test of sales readiness, so the four
      // answers weigh most: a lead meeting all four is at least warm (42) on its answers alone, and hot (70+) with a
      // good profile (ServiceNow, scale, CMDB or compliance pain, 004 §1.3). A strong profile without answers yet is
      // warm; engagement (inbound, replies, a meeting) lifts a lead, but without answers only one engaged on nearly
      // every channel reaches hot; no answers and a poor profile stay cold. Fit points above maxFitPoints add nothing.
      fitRules: [
        { id: 'servicenow_in_stack', points: 15, explanation: 'ServiceNow in stack', when: { fact: 'techStack', op: 'contains', value: 'ServiceNow' } }, // 004 §1.3, Objections
        { id: 'monitoring_tools', points: 5, explanation: 'Monitoring tools in place', when: { fact: 'monitoringTools', op: 'exists' } }, // 004 §1.3
        { id: 'has_cmdb', points: 5, explanation: 'Has a CMDB', when: { fact: 'hasCmdb', op: 'isTrue' } }, // 004 §1.2 question 2
        { id: 'cmdb_inaccurate', points: 10, explanation: 'CMDB accuracy below 80 %', when: { fact: 'cmdbAccuracyPercent', op: 'lt', value: 80 } }, // 004 §1.2 question 2; 80 % assumption, not in seed
        { id: 'compliance_needs', points: 10, explanation: 'Compliance frameworks to support', when: { fact: 'complianceFrameworks', op: 'exists' } }, // 004 §1.2 question 3
        { id: 'servers_1000', points: 10, explanation: '1,000+ servers', when: { fact: 'servers', op: 'gte', value: 1000 } }, // 004 §1.3 infrastructure scale; threshold assumption, not in seed
        { id: 'cloud_resources', points: 5, explanation: '100+ cloud resources', when: { fact: 'cloudResources', op: 'gte', value: 100 } }, // 004 §1.3; threshold assumption, not in seed
        { id: 'network_devices', points: 5, explanation: '500+ network devices', when: { fact: 'networkDevices', op: 'gte', value: 500 } }, // 004 §1.3; threshold assumption, not in seed
        { id: 'enterprise_size', points: 5, explanation: '1,000+ employees', when: { fact: 'employees', op: 'gte', value: 1000 } }, // 004 §1.3 company size; threshold assumption, not in seed
        { id: 'recent_initiatives', points: 5, explanation: 'Recent technology initiative', when: { fact: 'recentInitiatives', op: 'exists' } }, // 004 §1.3
        { id: 'budget_identified', points: 15, explanation: 'Budget identified', when: { fact: 'bant.budget', op: 'isTrue' } }, // 004 §1.2 B
        { id: 'has_authority', points: 15, explanation: 'Contact influences purchasing', when: { fact: 'bant.authority', op: 'isTrue' } }, // 004 §1.2 A
        { id: 'clear_need', points: 15, explanation: 'Clear pain (assets, CMDB, compliance)', when: { fact: 'bant.need', op: 'isTrue' } }, // 004 §1.2 N
        { id: 'timeline_12m', points: 15, explanation: 'Initiative within 12 months', when: { fact: 'bant.timelineMonths', op: 'lte', value: 12 } }, // 004 §1.2 T
        { id: 'timeline_beyond_12m', points: -10, explanation: 'Initiative more than 12 months out', when: { fact: 'bant.timelineMonths', op: 'gt', value: 12 } }, // 004 §1.2 T
        // An answer of "no" is evidence against readiness, not a missing answer (unknown stays null and scores nothing)
        { id: 'no_budget', points: -15, explanation: 'No budget identified', when: { fact: 'bant.budget', op: 'isFalse' } }, // 004 §1.2 B
        { id: 'no_authority', points: -15, explanation: 'Contact has no purchasing influence', when: { fact: 'bant.authority', op: 'isFalse' } }, // 004 §1.2 A
        { id: 'no_need', points: -15, explanation: 'No clear pain', when: { fact: 'bant.need', op: 'isFalse' } }, // 004 §1.2 N
      ],
      // Engagement: channels and touches from 000 §1 stage 1 and 004 §1.1 / tips; points are assumptions, not in seed
      engagementRules: [
        { id: 'referral', points: 20, explanation: 'Referred by a partner or customer', when: { fact: 'source', op: 'in', value: ['partner_referral', 'customer_referral'] } }, // 004 Entry Criteria
        { id: 'inbound_inquiry', points: 15, explanation: 'Inbound inquiry', when: { fact: 'source', op: 'in', value: ['website', 'email', 'phone'] } }, // 004 Entry Criteria
        { id: 'meeting_accepted', points: 25, explanation: 'Accepted a discovery meeting', when: { fact: 'activity.meetingAccepted', op: 'gte', value: 1 } }, // 004 Tips #4, Exit Criteria
        { id: 'email_replied', points: 10, explanation: 'Replied to outreach', when: { fact: 'activity.emailReplied', op: 'gte', value: 1 } }, // 004 Tips #2
        { id: 'webinar_attended', points: 10, explanation: 'Attended a webinar', when: { fact: 'activity.webinarAttended', op: 'gte', value: 1 } }, // 000 §1 stage 1; 004 §1.1
        { id: 'event_attended', points: 10, explanation: 'Attended an event', when: { fact: 'activity.eventAttended', op: 'gte', value: 1 } }, // 000 §1 stage 1; 004 §1.1
        { id: 'content_downloaded', points: 5, explanation: 'Downloaded a whitepaper', when: { fact: 'activity.contentDownloaded', op: 'gte', value: 1 } }, // 000 §1 stage 1
        { id: 'website_visits', points: 5, explanation: '3+ website visits', when: { fact: 'activity.websiteVisits', op: 'gte', value: 3 } }, // 004 §1.1 inbound channels; threshold assumption, not in seed
      ],
      maxFitPoints: 100, // assumption, not in seed (fit capped and scaled to 0–100)
      maxEngagementPoints: 100, // assumption, not in seed
      // Fit (profile and BANT) leads: at 60/40 a lead with every BANT answer and a good profile but no recorded touches
      // scored 33-60, cold or warm, which no sales manager believed. Assumption, not in seed.
      combineWeights: { fit: 70, engagement: 30 },
      priorityBands: { hot: 70, warm: 40 }, // assumption, not in seed
    },
    assignment: {
      // 004 §1.4 Assignment Logic, in the seed's order; weights are assumptions, not in seed
      criteria: [
        { id: 'territory', label: 'Geographic territory', weightPercent: 40 },
        { id: 'vertical_expertise', label: 'Industry vertical expertise', weightPercent: 30 },
        { id: 'account_size', label: 'Account size/complexity', weightPercent: 20 },
        { id: 'workload', label: 'Current workload balancing', weightPercent: 10 },
      ],
      // 004 §1.4 "account size/complexity"; tier thresholds are assumptions, not in seed
      accountSizeTiers: [
        { id: 'enterprise', label: 'Enterprise (5,000+ employees)', minEmployees: 5000 },
        { id: 'mid_market', label: 'Mid-market (1,000–4,999)', minEmployees: 1000 },
        { id: 'smb', label: 'Smaller (< 1,000)', minEmployees: 0 },
      ],
      assignerRoleId: 'sales_manager', // 004 §1.4 Owner: Sales Management
    },
    sla: {
      firstResponseHours: 24, // 000 §1 stage 1 SLA "24-hour response time"; 004 Success Metrics "< 24 hours"
      firstResponseTargetBusinessHours: 1, // 004 Tips #1 "within 1 hour during business hours"
      qualificationHours: 48, // 000 §1 stage 2 SLA "48-hour qualification"
      clock: 'business', // issue 3 "SLA clocks in business hours": 24 h / 48 h counted in business hours of `calendar`
    },
    // 004 Escalation Path "SDR Manager → Sales Manager → VP Sales"; hours after breach are assumptions, not in seed
    slaEscalation: [
      { roleId: 'sdr_manager', hoursAfterBreach: 0 },
      { roleId: 'sales_manager', hoursAfterBreach: 4 },
      { roleId: 'vp_sales', hoursAfterBreach: 24 },
    ],
    // 004 Escalation Path
    topicEscalations: [
      { topic: 'Technical questions', roleId: 'presales_engineer' },
      { topic: 'Pricing questions', roleId: 'sales_operations' },
    ],
    // 004 §1.2 BANT failures and Common Objections; 'unresponsive' and 'duplicate' are assumptions, not in seed
    disqualificationReasons: [
      { id: 'no_budget', label: 'No IT operations/infrastructure budget', nurture: true }, // 004 §1.2 B; objection "no budget allocated"
      { id: 'no_authority', label: 'No access to purchasing influence', nurture: false }, // 004 §1.2 A
      { id: 'no_need', label: 'No pain around assets, CMDB accuracy or compliance', nurture: false }, // 004 §1.2 N
      { id: 'timeline_beyond_12_months', label: 'Initiative more than 12 months out', nurture: true }, // 004 §1.2 T
      { id: 'existing_tools', label: 'Satisfied with existing discovery tools', nurture: true }, // 004 Objections
      { id: 'no_capacity', label: 'Too busy with other projects', nurture: true }, // 004 Objections
      { id: 'unresponsive', label: 'No response after multi-touch sequence', nurture: true }, // assumption, not in seed
      { id: 'duplicate', label: 'Duplicate of an existing lead or account', nurture: false }, // assumption, not in seed
    ],
    // 004 Deliverables
    deliverables: [
      { id: 'qualification_form', label: 'Lead Qualification Form: completed BANT assessment' },
      { id: 'contact_information', label: 'Contact information: decision maker and influencer details' },
      { id: 'initial_requirements', label: 'Initial requirements: high-level pain points and objectives' },
      { id: 'company_profile', label: 'Company profile: firmographic and technographic data' },
    ],
    // 004 Exit Criteria
    exitCriteria: [
      { id: 'bant_qualified', label: 'Lead qualified against BANT criteria' },
      { id: 'discovery_scheduled', label: 'Discovery meeting scheduled' },
      { id: 'requirements_documented', label: 'Initial requirements documented' },
      { id: 'stakeholders_identified', label: 'Stakeholders identified' },
    ],
    // 004 Handoff to Next Stage
    handoff: {
      toRoleId: 'account_executive',
      items: [
        { id: 'qualified_lead_form', label: 'Qualified lead form', required: true },
        { id: 'initial_requirements', label: 'Initial requirements', required: true },
        { id: 'meeting_details', label: 'Scheduled meeting details', required: true },
        { id: 'background_notes', label: 'Background research/notes', required: false }, // optional: assumption, not in seed
      ],
    },
    // 004 Common Objections & Responses
    objections: [
      {
        id: 'existing_tools',
        objection: 'We already have discovery tools',
        response:
          'Many organizations use multiple discovery tools but still struggle with data accuracy and integration. We uniquely combine discovery with intelligent dependency mapping and seamless ServiceNow integration. Could we explore your current gaps?',
      },
      {
        id: 'no_budget',
        objection: "We don't have budget allocated",
        response:
          'I understand budget timing is important. Many of our customers start with a proof of concept to demonstrate ROI before budget allocation. The POC investment is fully credited toward the full implementation. Would it make sense to explore what value we could demonstrate?',
      },
      {
        id: 'too_busy',
        objection: "We're too busy with other projects",
        response:
          "That's exactly why automated discovery is valuable - it reduces the manual effort required for asset management. Our POC can run alongside your current projects with minimal resource impact. Could we discuss a timeline that works for you?",
      },
    ],
  },

  pipeline: {
    // 000 §1 stages 3–6 (HubSpot pipeline Discovery → Proposal → POC → Contract). Probabilities and
    // forecast categories are assumptions, not in seed.
    stages: [
      {
        id: 'discovery',
        name: 'Discovery',
        kind: 'open',
        probability: 20, // assumption, not in seed
        forecastCategory: 'pipeline', // assumption, not in seed
        expectedDurationDays: { min: 7, max: 21 }, // assumption, not in seed
        ownerRoleIds: ['commercial_lead', 'technical_lead'], // 000 §1 stage 3 Owner: sales with technical
        objective: 'Understand customer needs deeply', // 000 §1 stage 3
        activities: ['Technical deep dive sessions', 'Current state assessment', 'Pain point identification', 'Success criteria definition', 'Stakeholder interviews'], // 000 §1 stage 3
        // 000 §1 stage 3 activities as gates
        exitCriteria: [
          { id: 'technical_deep_dive', label: 'Technical deep dive held' },
          { id: 'current_state_assessed', label: 'Current state assessed' },
          { id: 'pains_identified', label: 'Pain points identified' },
          { id: 'success_criteria_defined', label: 'Success criteria defined' },
          { id: 'stakeholders_interviewed', label: 'Stakeholders interviewed' },
        ],
        output: 'Qualified opportunity', // 000 §1 stage 3
        conversionMetric: 'Discovery to proposal conversion', // 000 §1 stage 3
      },
      {
        id: 'proposal',
        name: 'Proposal',
        kind: 'open',
        probability: 40, // assumption, not in seed
        forecastCategory: 'pipeline', // assumption, not in seed
        expectedDurationDays: { min: 5, max: 7 }, // 000 §1 stage 4 Timeline "5-7 days"
        ownerRoleIds: ['commercial_lead'], // 000 §1 (sales pipeline owner)
        objective: 'Present tailored solution', // 000 §1 stage 4
        activities: ['Solution architecture design', 'ROI/business case development', 'Proposal creation', 'Pricing configuration', 'Executive presentation preparation'], // 000 §1 stage 4
        exitCriteria: [
          { id: 'solution_designed', label: 'Solution architecture designed' },
          { id: 'business_case_built', label: 'ROI/business case developed' },
          { id: 'pricing_configured', label: 'Pricing configured' },
          { id: 'proposal_delivered', label: 'Formal proposal delivered' },
          { id: 'executive_presentation', label: 'Executive presentation held' },
        ],
        output: 'Formal proposal', // 000 §1 stage 4
        conversionMetric: 'Proposal win rate', // 000 §1 stage 4
      },
      {
        id: 'poc',
        name: 'POC',
        kind: 'open',
        probability: 60, // assumption, not in seed
        forecastCategory: 'best_case', // assumption, not in seed
        expectedDurationDays: { min: 28, max: 28 }, // 000 §1 stage 5 "4 weeks standard"
        ownerRoleIds: ['delivery_team'], // 000 §1 stage 5 Owner: delivery team
        objective: 'Demonstrate value with limited scope', // 000 §1 stage 5
        activities: ['POC SOW creation and signature', 'Environment setup', 'Limited discovery run', 'Initial insights presentation', 'Success criteria validation', 'POC report/deliverable preparation'], // 000 §1 stage 5
        exitCriteria: [
          { id: 'sow_signed', label: 'POC SOW signed' },
          { id: 'environment_ready', label: 'Environment set up' },
          { id: 'discovery_run', label: 'Limited discovery run completed' },
          { id: 'insights_presented', label: 'Initial insights presented' },
          { id: 'success_criteria_validated', label: 'Success criteria validated' },
          { id: 'poc_report_delivered', label: 'POC report delivered' },
        ],
        output: 'POC report with findings and recommendations', // 000 §1 stage 5
        conversionMetric: 'POC to contract conversion rate', // 000 §1 stage 5
      },
      {
        id: 'negotiation',
        name: 'Negotiation',
        kind: 'open',
        probability: 80, // assumption, not in seed
        forecastCategory: 'commit', // assumption, not in seed
        expectedDurationDays: { min: 7, max: 14 }, // 000 §1 stage 6 "1-2 weeks post-POC"
        ownerRoleIds: ['commercial_lead'], // 000 §1
        objective: 'Reach mutual agreement', // 000 §1 stage 6
        activities: ['Commercial negotiation based on POC results', 'Contract terms discussion', 'Security review', 'Legal review', 'Procurement process navigation'], // 000 §1 stage 6
        exitCriteria: [
          { id: 'commercials_agreed', label: 'Commercial terms agreed' },
          { id: 'security_review_passed', label: 'Security review passed' },
          { id: 'legal_review_done', label: 'Legal review completed' },
          { id: 'procurement_done', label: 'Procurement completed' },
          { id: 'contract_signed', label: 'Contract signed' },
        ],
        output: 'Signed contract', // 000 §1 stage 6
        conversionMetric: 'Average deal size, time to close', // 000 §1 stage 6
      },
      {
        id: 'closed_won',
        name: 'Closed won',
        kind: 'won',
        probability: 100,
        forecastCategory: 'closed',
        expectedDurationDays: null,
        ownerRoleIds: ['commercial_lead'],
        objective: 'Hand off to delivery and customer success', // 000 §1 stage 7; 001 stage 1 handoff
        activities: [],
        // 001 Stage 1 Handoff Criteria
        exitCriteria: [
          { id: 'contract_signed', label: 'Contract signed' },
          { id: 'implementation_team_assigned', label: 'Implementation team assigned' },
          { id: 'success_criteria_documented', label: 'Success criteria documented' },
          { id: 'project_manager_identified', label: 'Project manager identified' },
        ],
        output: 'Delivery project', // 000 §1 stage 7
        conversionMetric: null,
      },
      {
        id: 'closed_lost',
        name: 'Closed lost',
        kind: 'lost',
        probability: 0,
        forecastCategory: 'omitted',
        expectedDurationDays: null,
        ownerRoleIds: ['commercial_lead'],
        objective: 'Record the loss reason and learn', // assumption, not in seed
        activities: [],
        exitCriteria: [],
        output: 'Loss reason',
        conversionMetric: null,
      },
    ],
    lossReasons: [
      { id: 'no_budget', label: 'No budget allocated' }, // 004 Objections
      { id: 'existing_tools', label: 'Kept existing discovery tools' }, // 004 Objections
      { id: 'no_capacity', label: 'Too busy with other projects' }, // 004 Objections
      { id: 'poc_criteria_not_met', label: 'POC success criteria not met' }, // 000 §1 stage 5
      { id: 'security_review_failed', label: 'Security review failed' }, // 000 §1 stage 6
      { id: 'legal_or_procurement', label: 'Legal or procurement blocked' }, // 000 §1 stage 6
      { id: 'commercial_terms', label: 'Price or commercial terms' }, // 000 §1 stage 6
      { id: 'timeline_slipped', label: 'Timeline moved beyond 12 months' }, // 004 §1.2 T
      { id: 'lost_to_competitor', label: 'Lost to a competitor' }, // assumption, not in seed
      { id: 'no_decision', label: 'No decision' }, // assumption, not in seed
    ],
    poc: {
      standardDurationWeeks: 4, // 000 §1 stage 5 "4 weeks standard"
      feeCreditPercent: 100, // 004 Objections "POC investment is fully credited toward the full implementation"
      // 000 §1 stage 5 Templates
      deliverables: [
        { id: 'poc_sow', label: 'POC SOW' },
        { id: 'poc_validation_framework', label: 'POC validation framework' },
        { id: 'poc_report', label: 'POC report/deliverable' },
      ],
    },
  },

  delivery: {
    standardWeeks: 12, // 003 Duration "12 weeks"
    minWeeks: 9, // 003 Duration "9-16 weeks depending on scope"; 000 §1 stage 7 "9-12 weeks"
    maxWeeks: 16, // 003 Duration; 000 §1 stage 7 "16 weeks in SOW template"
    hypercareWeeks: 2, // 000 §1 stage 7 Go-Live Support "2 weeks" hypercare
    // 003 Entry Criteria
    entryCriteria: [
      { id: 'contracts_executed', label: 'Contracts fully executed' },
      { id: 'kickoff_completed', label: 'Kickoff meeting completed' },
      { id: 'resources_assigned', label: 'Resources assigned' },
      { id: 'environment_access', label: 'Environment access provided' },
      { id: 'plan_approved', label: 'Project plan approved' },
    ],
    phases: [
      {
        id: 'kickoff', // 003 §7.1 Project Kickoff (Week 1)
        name: 'Project kickoff',
        ownerRoleId: 'project_manager',
        startWeek: 1,
        endWeek: 1,
        activities: [
          { label: 'Team introduction', tasks: ['Delivery team roles', 'Customer team roles', 'Escalation paths', 'Communication protocols'] },
          { label: 'Project charter review', tasks: ['Objectives and scope', 'Success criteria', 'Timeline and milestones', 'Deliverables', 'Assumptions and constraints'] },
          { label: 'Governance establishment', tasks: ['Meeting cadence', 'Status reporting', 'Change control', 'Risk management', 'Issue resolution'] },
        ],
        deliverables: [
          { id: 'project_charter', label: 'Project charter signed' },
          { id: 'communication_plan', label: 'Communication plan' },
          { id: 'project_schedule', label: 'Detailed project schedule' },
          { id: 'raci_matrix', label: 'RACI matrix' },
          { id: 'risk_register', label: 'Risk register' },
        ],
      },
      {
        id: 'planning_design', // 003 §7.2 Phase 1: Planning & Design (Weeks 1-3)
        name: 'Planning & design',
        ownerRoleId: 'solution_architect',
        startWeek: 1,
        endWeek: 3,
        activities: [
          { label: 'Current state analysis', tasks: ['Infrastructure assessment', 'Application inventory', 'Integration points mapping', 'Security requirements', 'Compliance needs'] },
          { label: 'Solution design', tasks: ['Architecture finalization', 'Integration specifications', 'Data mapping design', 'Security design', 'Performance requirements'] },
          { label: 'Implementation planning', tasks: ['Deployment approach', 'Migration strategy', 'Testing strategy', 'Training plan', 'Rollback procedures'] },
        ],
        deliverables: [
          { id: 'architecture_design_document', label: 'Architecture Design Document (ADD)' },
          { id: 'integration_specifications', label: 'Integration specifications' },
          { id: 'deployment_guide', label: 'Deployment guide' },
          { id: 'test_plan', label: 'Test plan' },
          { id: 'training_plan', label: 'Training plan' },
        ],
      },
      {
        id: 'integration_development', // 003 §7.3 Phase 2: Integration Development (Weeks 4-6)
        name: 'Integration development',
        ownerRoleId: 'technical_lead',
        startWeek: 4,
        endWeek: 6,
        activities: [
          { label: 'ServiceNow integration', tasks: ['CMDB schema mapping', 'Integration development', 'Data transformation rules', 'Synchronization setup', 'Error handling'] },
          { label: 'Discovery integrations', tasks: ['Agent deployment packages', 'SNMP configuration', 'Cloud API integration', 'NetFlow collection setup', 'Custom discovery rules'] },
          { label: 'Security integrations', tasks: ['Authentication setup', 'Authorization configuration', 'Audit logging', 'Encryption implementation', 'Compliance scanning'] },
        ],
        deliverables: [
          { id: 'integration_code', label: 'Integration code' },
          { id: 'configuration_scripts', label: 'Configuration scripts' },
          { id: 'deployment_packages', label: 'Deployment packages' },
          { id: 'api_documentation', label: 'API documentation' },
          { id: 'test_results', label: 'Test results' },
        ],
      },
      {
        id: 'implementation', // 003 §7.4 Phase 3: Implementation (Weeks 7-10)
        name: 'Implementation',
        ownerRoleId: 'implementation_consultant',
        startWeek: 7,
        endWeek: 10,
        activities: [
          { label: 'Environment setup', tasks: ['Development deployment', 'Test environment setup', 'Production preparation', 'Monitoring configuration', 'Backup setup'] },
          { label: 'Deployment execution', tasks: ['Platform installation', 'Integration deployment', 'Agent rollout', 'Discovery configuration', 'Initial synchronization'] },
          { label: 'Testing & validation', tasks: ['Unit testing', 'Integration testing', 'Performance testing', 'Security testing', 'User acceptance testing'] },
          { label: 'Production cutover', tasks: ['Go-live preparation', 'Production deployment', 'Data migration', 'Cutover execution', 'Rollback readiness'] },
        ],
        deliverables: [
          { id: 'deployed_solution', label: 'Deployed solution' },
          { id: 'test_results_documentation', label: 'Test results documentation' },
          { id: 'performance_benchmarks', label: 'Performance benchmarks' },
          { id: 'security_validation', label: 'Security validation' },
          { id: 'go_live_report', label: 'Go-live report' },
        ],
      },
      {
        id: 'knowledge_transfer', // 003 §7.5 Phase 4: Knowledge Transfer (Weeks 11-12)
        name: 'Knowledge transfer',
        ownerRoleId: 'training_lead',
        startWeek: 11,
        endWeek: 12,
        activities: [
          { label: 'Administrator training', tasks: ['Platform administration', 'Discovery configuration', 'Integration management', 'Troubleshooting', 'Maintenance procedures'] },
          { label: 'User training', tasks: ['Dashboard usage', 'Report generation', 'CMDB navigation', 'Change impact analysis', 'Dependency visualization'] },
          { label: 'Documentation handover', tasks: ['Technical documentation', 'Operational runbooks', 'Troubleshooting guides', 'Best practices', 'Architecture documentation'] },
          { label: 'Operational readiness', tasks: ['Support transition', 'Escalation procedures', 'Monitoring setup', 'Maintenance schedule', 'Health check procedures'] },
        ],
        deliverables: [
          { id: 'training_materials', label: 'Training materials' },
          { id: 'recorded_sessions', label: 'Recorded sessions' },
          { id: 'certification_completion', label: 'Certification completion' },
          { id: 'runbook_documentation', label: 'Runbook documentation' },
          { id: 'support_transition_plan', label: 'Support transition plan' },
        ],
      },
      {
        id: 'closure', // 003 §7.6 Project Closure (Week 12)
        name: 'Project closure',
        ownerRoleId: 'project_manager',
        startWeek: 12,
        endWeek: 12,
        activities: [
          { label: 'Acceptance testing', tasks: ['Success criteria validation', 'Deliverable review', 'Performance validation', 'Sign-off collection'] },
          { label: 'Project review', tasks: ['Lessons learned session', 'Customer satisfaction survey', 'Team feedback', 'Process improvements', 'Success metrics'] },
          { label: 'Transition to support', tasks: ['Support handover', 'Warranty initiation', 'Contact information', 'Escalation matrix', 'SLA activation'] },
        ],
        deliverables: [
          { id: 'acceptance_signoffs', label: 'Acceptance sign-offs' },
          { id: 'closure_report', label: 'Project closure report' },
          { id: 'lessons_learned', label: 'Lessons learned document' },
          { id: 'satisfaction_scores', label: 'Customer satisfaction scores' },
          { id: 'support_transition_document', label: 'Support transition document' },
        ],
      },
    ],
    // 003 Key Milestones & Deliverables table (payment 25/25/25/20/5)
    milestones: [
      { id: 'kickoff_complete', name: 'Kickoff complete', week: 1, phaseId: 'kickoff', deliverables: ['Project charter'], paymentPercent: 0, requiresCustomerAcceptance: true },
      { id: 'design_approved', name: 'Design approved', week: 3, phaseId: 'planning_design', deliverables: ['ADD', 'Integration specs'], paymentPercent: 25, requiresCustomerAcceptance: true },
      { id: 'development_complete', name: 'Development complete', week: 6, phaseId: 'integration_development', deliverables: ['Integrations', 'Test results'], paymentPercent: 25, requiresCustomerAcceptance: true },
      { id: 'uat_complete', name: 'UAT complete', week: 9, phaseId: 'implementation', deliverables: ['Deployed solution'], paymentPercent: 25, requiresCustomerAcceptance: true },
      { id: 'go_live', name: 'Go-live', week: 10, phaseId: 'implementation', deliverables: ['Production system'], paymentPercent: 20, requiresCustomerAcceptance: true },
      { id: 'project_closure', name: 'Project closure', week: 12, phaseId: 'closure', deliverables: ['All documentation', 'Sign-offs'], paymentPercent: 5, requiresCustomerAcceptance: true },
    ],
    // 003 Exit Criteria
    exitCriteria: [
      { id: 'deliverables_accepted', label: 'All deliverables accepted' },
      { id: 'success_criteria_achieved', label: 'Success criteria achieved' },
      { id: 'training_completed', label: 'Training completed' },
      { id: 'documentation_delivered', label: 'Documentation delivered' },
      { id: 'go_live_successful', label: 'Go-live successful' },
      { id: 'customer_signoff', label: 'Customer sign-off obtained' },
    ],
    // 003 Handoff to Next Stage: Finance & Customer Success
    handoff: {
      toRoleIds: ['finance', 'csm'],
      items: [
        { id: 'acceptance_documentation', label: 'Acceptance documentation' },
        { id: 'final_deliverables', label: 'Final deliverables' },
        { id: 'invoice_triggers', label: 'Invoice triggers' },
        { id: 'support_requirements', label: 'Support requirements' },
        { id: 'renewal_opportunities', label: 'Renewal opportunities' },
      ],
    },
    // 003 Communication Plan: Meeting Cadence
    meetings: [
      { id: 'standup', label: 'Team stand-up', frequency: 'daily', durationMinutes: 15 },
      { id: 'status', label: 'Status meeting', frequency: 'weekly', durationMinutes: 30 },
      { id: 'steering', label: 'Steering committee', frequency: 'biweekly', durationMinutes: 60 },
      { id: 'executive_briefing', label: 'Executive briefing', frequency: 'monthly', durationMinutes: 30 },
      { id: 'issue_resolution', label: 'Issue resolution', frequency: 'ad_hoc', durationMinutes: null },
    ],
    // 003 Communication Plan: Status Reporting
    statusReporting: ['Weekly status reports', 'Milestone completion notices', 'Risk and issue updates', 'Budget and timeline tracking', 'Success metrics dashboard'],
    // 003 Risk Management: Common Risks & Mitigations
    risks: [
      { id: 'scope_creep', label: 'Scope creep', impact: 'high', probability: 'medium', mitigation: 'Strong change control' },
      { id: 'resource_availability', label: 'Resource availability', impact: 'high', probability: 'medium', mitigation: 'Backup resources identified' },
      { id: 'integration_complexity', label: 'Integration complexity', impact: 'medium', probability: 'medium', mitigation: 'POC validation, phased approach' },
      { id: 'data_quality', label: 'Data quality issues', impact: 'medium', probability: 'high', mitigation: 'Data cleansing included' },
      { id: 'user_adoption', label: 'User adoption', impact: 'high', probability: 'low', mitigation: 'Comprehensive training' },
    ],
    // 003 Issue Resolution Process
    issueResolutionSteps: [
      'Issue identification and logging',
      'Impact assessment',
      'Resolution planning',
      'Stakeholder communication',
      'Resolution execution',
      'Verification and closure',
    ],
    // 003 Escalation Path
    escalationPaths: [
      { topic: 'Project issues', chainRoleIds: ['delivery_manager', 'vp_delivery'] },
      { topic: 'Technical issues', chainRoleIds: ['solution_architect', 'cto'] },
      { topic: 'Customer concerns', chainRoleIds: ['account_executive', 'ceo'] },
      { topic: 'Resource issues', chainRoleIds: ['resource_manager', 'coo'] },
    ],
    // 003 Success Metrics with pass/fail rather than numeric targets
    acceptanceChecks: [
      { id: 'performance_slas_met', label: 'Performance SLAs met' }, // 003 Technical Metrics
      { id: 'security_compliance_passed', label: 'Security compliance passed' }, // 003 Technical Metrics
      { id: 'process_improvement_measured', label: 'Process improvement measured' }, // 003 Business Metrics
      { id: 'roi_on_track', label: 'ROI achievement on track' }, // 003 Business Metrics
    ],
  },

  billing: {
    currency: 'USD', // DESIGN §5
    paymentTermsDays: 30, // 000 §1 stage 8 "Net 30 terms"
    invoiceTrigger: 'milestone_acceptance', // 003 Stage Gate "deliverables are accepted"; Handoff "Invoice triggers"
    subscriptionBillingPeriod: 'annual', // assumption, not in seed (000 §1 stage 8 "Subscription activation")
    dunning: {
      // Reminder schedule: assumption, not in seed (000 §1 stage 8 gives Net 30 and DSO only)
      steps: [
        { id: 'pre_due_reminder', dayOffset: -7, action: 'Courtesy reminder before the due date', ownerRoleId: 'finance' }, // assumption, not in seed
        { id: 'due_date_notice', dayOffset: 0, action: 'Due-date notice', ownerRoleId: 'finance' }, // assumption, not in seed
        { id: 'first_reminder', dayOffset: 7, action: 'First overdue reminder', ownerRoleId: 'finance' }, // assumption, not in seed
        { id: 'second_reminder', dayOffset: 14, action: 'Second overdue reminder with call', ownerRoleId: 'finance' }, // assumption, not in seed
        { id: 'escalation', dayOffset: 30, action: 'Escalate to account executive and CSM', ownerRoleId: 'finance' }, // assumption, not in seed
      ],
      escalateWhenDaysLate: 30, // assumption, not in seed
      escalationRoleIds: ['account_executive', 'csm'], // assumption, not in seed
    },
    // Receivables aging buckets: standard practice, assumption, not in seed (000 §1 stage 8 DSO)
    agingBuckets: [
      { id: 'current', label: 'Current', minDaysPastDue: null, maxDaysPastDue: 0 },
      { id: 'days_1_30', label: '1–30 days', minDaysPastDue: 1, maxDaysPastDue: 30 },
      { id: 'days_31_60', label: '31–60 days', minDaysPastDue: 31, maxDaysPastDue: 60 },
      { id: 'days_61_90', label: '61–90 days', minDaysPastDue: 61, maxDaysPastDue: 90 },
      { id: 'days_90_plus', label: '90+ days', minDaysPastDue: 91, maxDaysPastDue: null },
    ],
  },

  customerSuccess: {
    // 001 Resource Allocation (80/20 Rule)
    segments: [
      {
        id: 'standard',
        label: 'Standard',
        shareOfCustomersPercent: 80, // 001 "Standard Customers (80%)"
        ownerRoleIds: ['csm', 'partner'], // 001 Owner: CSM / partners
        supportModel: 'Quarterly check-ins', // 001
        engagementFrequency: 'quarterly', // 001
        escalationPolicy: 'Only for technical issues', // 001
        monitoring: 'AI-driven health monitoring', // 001 Automation
        executiveSponsor: null,
        benefits: 'Standardized, partner-enabled engagement', // 000 §2 Partner-Enabled Success
      },
      {
        id: 'strategic',
        label: 'Strategic',
        shareOfCustomersPercent: 20, // 001 "Strategic Customers (20%)"
        ownerRoleIds: ['technical_lead', 'commercial_lead'], // 001 Owner: technical / commercial
        supportModel: 'Monthly engagement', // 001
        engagementFrequency: 'monthly', // 001
        escalationPolicy: 'Full escalation matrix, executive sponsor for the key accounts', // 001 Escalation Matrix
        monitoring: 'AI-driven health monitoring plus monthly reviews', // 001
        executiveSponsor: { roleId: 'executive_sponsor', minAccounts: 2, maxAccounts: 3 }, // 001 "Executive Sponsor (2-3 accounts max)"
        benefits: 'Premium support and co-innovation', // 001 Value
      },
    ],
    // 000 §2 Resource Allocation
    resourceAllocation: [
      { roleId: 'csm', responsibility: 'Day-to-day customer success activities' },
      { roleId: 'partner', responsibility: 'Routine check-ins and support' },
      { roleId: 'technical_lead', responsibility: 'Technical escalations only' },
      { roleId: 'executive_sponsor', responsibility: 'Strategic customer relationships only (2-3 key accounts)' },
    ],
    lifecycleStages: [
      {
        id: 'prospect', // 001 Stage 1: Pre-Sale (Cradle)
        name: 'Pre-sale',
        ownerRoleIds: ['commercial_lead'],
        durationDays: null, // 001 "Variable"
        durationNote: 'Variable',
        activities: ['Initial contact and qualification', 'Discovery meetings', 'POC coordination', 'Contract negotiation'],
        // 001 Stage 1 Handoff Criteria
        exitCriteria: [
          { id: 'contract_signed', label: 'Contract signed' },
          { id: 'implementation_team_assigned', label: 'Implementation team assigned' },
          { id: 'success_criteria_documented', label: 'Success criteria documented' },
          { id: 'project_manager_identified', label: 'Project manager identified' },
        ],
        successMetricIds: ['lead_to_opportunity_rate'],
      },
      {
        id: 'implementation', // 001 Stage 2: Implementation
        name: 'Implementation',
        ownerRoleIds: ['csm', 'partner'],
        durationDays: { min: 63, max: 84 }, // 001 "9-12 weeks"
        durationNote: '9-12 weeks',
        activities: ['Project kickoff', 'Platform deployment', 'Integration configuration', 'Knowledge transfer', 'Go-live support'],
        exitCriteria: [{ id: 'go_live', label: 'Go-live successful' }], // 003 Exit Criteria
        successMetricIds: ['on_time_delivery', 'budget_variance', 'user_activation', 'time_to_first_value'], // 001 Stage 2 Success Metrics
      },
      {
        id: 'adoption', // 001 Stage 3: Adoption (First 90 Days)
        name: 'Adoption',
        ownerRoleIds: ['csm'],
        durationDays: { min: 90, max: 90 }, // 001 "3 months post go-live"
        durationNote: '3 months post go-live',
        activities: [
          'User onboarding completion', // 001 Focus Areas
          'Feature adoption tracking',
          'Process integration',
          'Quick win identification',
          'Integrate into mission-critical processes', // 001 Stickiness Activities
          'Create dependency on platform data',
          'Establish regular usage patterns',
          'Document time/cost savings',
        ],
        exitCriteria: [
          { id: 'onboarding_complete', label: 'User onboarding completed' },
          { id: 'success_metrics_established', label: 'Success metrics established' }, // 000 §2 stage 2
        ],
        successMetricIds: ['feature_adoption', 'user_activation', 'monthly_active_users'],
      },
      {
        id: 'value_realization', // 001 Stage 4: Value Realization (Months 4-12)
        name: 'Value realization',
        ownerRoleIds: ['csm'],
        durationDays: { min: 270, max: 270 }, // 001 "9 months"
        durationNote: 'Months 4-12',
        activities: ['Quarterly business reviews', 'ROI documentation', 'Usage analytics review', 'Feature roadmap alignment', 'Expansion opportunities'],
        exitCriteria: [{ id: 'roi_documented', label: 'ROI documented against consultant costs' }], // 000 §2 stage 3
        successMetricIds: ['nps', 'csat'],
      },
      {
        id: 'expansion', // 001 Stage 5: Growth & Expansion (Year 2+)
        name: 'Growth & expansion',
        ownerRoleIds: ['account_team'],
        durationDays: null, // 001 "Ongoing"
        durationNote: 'Ongoing, year 2+',
        activities: ['Additional modules', 'New use cases', 'Department expansion', 'Geographic expansion', 'Reference customer status', 'Case study development'],
        exitCriteria: [],
        successMetricIds: ['net_revenue_retention', 'expansion_account_churn', 'reference_customers'],
      },
      {
        id: 'renewal', // 001 Stage 6: Renewal or Transition (Grave)
        name: 'Renewal',
        ownerRoleIds: ['csm', 'commercial_lead'],
        durationDays: { min: 90, max: 90 }, // 001 "90 days before contract end"
        durationNote: '90 days before contract end',
        activities: ['Value documentation', 'Renewal proposal', 'Negotiation', 'Contract execution'],
        exitCriteria: [{ id: 'contract_executed', label: 'Renewal contract executed before expiry' }],
        successMetricIds: ['renewal_rate', 'gross_revenue_retention'],
      },
      {
        id: 'churned', // 001 Stage 6 Departure Path (Exception Handling)
        name: 'Churned',
        ownerRoleIds: ['csm'],
        durationDays: null,
        durationNote: 'Until win-back',
        activities: ['Exit interview', 'Knowledge transfer', 'Data export', 'Lessons learned'],
        exitCriteria: [],
        successMetricIds: ['logo_churn'],
      },
    ],
    // 000 §2 Stage 1: Onboarding (Weeks 1-4) and Proactive Engagement Model
    onboarding: {
      durationDays: { min: 0, max: 28 }, // 000 §2 "Weeks 1-4"
      ownerRoleIds: ['csm'], // 000 §2 CSM transitioning from POC
      checklist: [
        { id: 'welcome_orientation', label: 'Welcome and orientation' },
        { id: 'technical_handoff', label: 'Technical implementation handoff' },
        { id: 'initial_discovery_run', label: 'Initial discovery run' },
        { id: 'basic_training', label: 'Basic training completion' },
        { id: 'first_value_milestone', label: 'First value milestone' },
        { id: 'csm_relationship', label: 'Customer success manager relationship established' },
      ],
      // 000 §2 Proactive Engagement Model (week 1, quarterly and annual points are in the segment cadences)
      checkpoints: [
        { id: 'first_value_check', label: 'First value check', schedule: { type: 'once', dayOffset: 28 } }, // 000 §2 "Week 4"
        { id: 'adoption_review', label: 'Adoption review', schedule: { type: 'once', dayOffset: 60 } }, // 000 §2 "Month 2"
        { id: 'success_planning', label: 'Success planning', schedule: { type: 'once', dayOffset: 90 } }, // 000 §2 "Month 3"
      ],
    },
    touchpointAnchor: 'contract_signed', // assumption, not in seed ("Week 1" counted from contract signature)
    // 001 Proactive Engagement Model: Touch Point Cadence
    touchpoints: {
      standard: [
        { id: 'welcome_call', label: 'Welcome call', schedule: { type: 'once', dayOffset: 7 } }, // 001 "Week 1"
        { id: 'adoption_check', label: 'Adoption check', schedule: { type: 'once', dayOffset: 30 } }, // 001 "Month 1"
        { id: 'business_review', label: 'Business review', schedule: { type: 'recurring', every: { count: 3, unit: 'months' }, untilDayOffset: null } }, // 001 "Quarterly"
        { id: 'strategic_planning', label: 'Strategic planning', schedule: { type: 'recurring', every: { count: 1, unit: 'years' }, untilDayOffset: null } }, // 001 "Annually"
      ],
      strategic: [
        { id: 'executive_kickoff', label: 'Executive kickoff', schedule: { type: 'once', dayOffset: 7 } }, // 001 "Week 1"
        { id: 'progress_call', label: 'Progress call', schedule: { type: 'recurring', every: { count: 2, unit: 'weeks' }, untilDayOffset: 91 } }, // 001 "Bi-weekly (first quarter)"
        { id: 'success_review', label: 'Success review', schedule: { type: 'recurring', every: { count: 1, unit: 'months' }, untilDayOffset: null } }, // 001 "Monthly"
        { id: 'executive_briefing', label: 'Executive briefing', schedule: { type: 'recurring', every: { count: 3, unit: 'months' }, untilDayOffset: null } }, // 001 "Quarterly"
      ],
    },
    // 001 Escalation Matrix; response SLAs are assumptions, not in seed (level 1 follows 001 "Support Resolution <24 hours")
    escalationMatrix: [
      { level: 1, label: 'CSM resolution', ownerRoleId: 'csm', triggers: ['Feature questions', 'Basic troubleshooting', 'Training requests', 'Process optimization'], responseSlaHours: 24 },
      { level: 2, label: 'Technical escalation', ownerRoleId: 'technical_lead', triggers: ['Complex integrations', 'Performance issues', 'Architecture questions', 'Custom development'], responseSlaHours: 8 },
      { level: 3, label: 'Commercial escalation', ownerRoleId: 'commercial_lead', triggers: ['Contract disputes', 'Pricing negotiations', 'Service level issues', 'Relationship challenges'], responseSlaHours: 8 },
      { level: 4, label: 'Executive escalation', ownerRoleId: 'executive_sponsor', triggers: ['Strategic relationships only', 'Major service failures', 'Legal issues', 'Board-level engagement'], responseSlaHours: 4 },
    ],
    renewal: {
      windowDays: 90, // 001 Stage 6 "90 days before contract end"
      targetRenewalRatePercent: 95, // 001 "Renewal Path (95% Target)"; 000 §2 "95%+"
      // 001 Stage 6 Renewal Path process
      steps: [
        { id: 'value_documentation', label: 'Value documentation', daysBeforeExpiry: 90, ownerRoleIds: ['csm'] },
        { id: 'renewal_proposal', label: 'Renewal proposal', daysBeforeExpiry: 60, ownerRoleIds: ['csm', 'commercial_lead'] },
        { id: 'negotiation', label: 'Negotiation', daysBeforeExpiry: 30, ownerRoleIds: ['commercial_lead'] },
        { id: 'contract_execution', label: 'Contract execution (before expiry)', daysBeforeExpiry: 0, ownerRoleIds: ['commercial_lead'] },
      ],
      successFactors: ['Demonstrated ROI', 'Strong adoption metrics', 'Executive sponsorship', 'Future roadmap alignment'], // 001 Success Factors
    },
    departure: {
      // 001 Departure Path process
      steps: [
        { id: 'exit_interview', label: 'Exit interview' },
        { id: 'knowledge_transfer', label: 'Knowledge transfer' },
        { id: 'data_export', label: 'Data export' },
        { id: 'lessons_learned', label: 'Lessons learned' },
      ],
      winBack: {
        afterMonths: 6, // 001 Win-Back Strategy "6-month follow-up"
        activities: ['Market monitoring', 'Relationship maintenance', 'Re-engagement campaigns'], // 001 Win-Back Strategy
      },
    },
    partnerResponsibilities: ['Routine check-ins', 'Basic troubleshooting', 'Feature training', 'Usage optimization'], // 001 Partner Responsibilities
    valueReviewTopics: ['Cost savings vs. consultants', 'Efficiency improvements', 'Compliance achievements', 'Risk reduction'], // 001 Stage 4 Value Metrics
    expansionStrategies: ['Additional modules', 'New use cases', 'Department expansion', 'Geographic expansion'], // 001 Stage 5
    automatedWorkflows: ['Onboarding sequences', 'Training assignments', 'Review scheduling', 'Renewal reminders'], // 001 Automated Workflows
    // 001 Reporting Automation
    reports: [
      { id: 'health_report', label: 'Health report', frequency: 'weekly' },
      { id: 'usage_summary', label: 'Usage summary', frequency: 'monthly' },
      { id: 'business_review', label: 'Quarterly business review', frequency: 'quarterly' },
      { id: 'value_report', label: 'Annual value report', frequency: 'yearly' },
    ],
  },

  health: {
    maxScore: 100, // 001 Health Score Framework "100 points total"
    weights: { usage: 30, businessValue: 30, relationship: 20, growth: 20 }, // 001 Health Score Framework components
    // 001 Health Score Framework sub-measures; equal shares within a component are an assumption, not in seed
    subMeasures: {
      usage: [
        { id: 'login_frequency', label: 'Login frequency', sharePercent: 34 },
        { id: 'feature_utilization', label: 'Feature utilization', sharePercent: 33 },
        { id: 'data_volume', label: 'Data volume processed', sharePercent: 33 },
      ],
      businessValue: [
        { id: 'roi_achievement', label: 'ROI achievement', sharePercent: 34 },
        { id: 'goal_completion', label: 'Goal completion', sharePercent: 33 },
        { id: 'time_savings', label: 'Time savings', sharePercent: 33 },
      ],
      relationship: [
        { id: 'stakeholder_engagement', label: 'Stakeholder engagement', sharePercent: 34 },
        { id: 'ticket_sentiment', label: 'Support ticket sentiment', sharePercent: 33 },
        { id: 'meeting_attendance', label: 'Meeting attendance', sharePercent: 33 },
      ],
      growth: [
        { id: 'expansion_discussions', label: 'Expansion discussions', sharePercent: 34 },
        { id: 'reference_willingness', label: 'Reference willingness', sharePercent: 33 },
        { id: 'feature_requests', label: 'Feature requests', sharePercent: 33 },
      ],
    },
    // 001 Health Categories
    bands: {
      green: { min: 80, label: 'Green', meaning: 'Thriving, expansion candidate', escalationLevel: null }, // 001 "80-100"
      yellow: { min: 60, label: 'Yellow', meaning: 'Attention needed, intervention required', escalationLevel: null }, // 001 "60-79"
      red: { label: 'Red', meaning: 'At risk, executive escalation', escalationLevel: 4 }, // 001 "<60"
    },
    snapshotFrequency: 'daily', // DESIGN §3 health snapshot per account per day
    dropAlertPoints: 10, // 001 Automated Monitoring "alert system for drops"; 10 points is an assumption, not in seed
  },

  valueRealization: {
    // 002 The Four-Act Value Symphony and Four Specialized Agents
    stages: [
      {
        id: 'define',
        act: 1,
        name: 'Define value',
        team: 'Pre-sales',
        agentId: 'value_architect',
        agentName: 'Value Architect',
        mission: 'Transform discovery into quantified opportunity',
        activities: [
          { activity: 'Pain discovery', orchestration: 'AI-powered insight mining from calls, emails, industry data', output: 'Pain-to-value map' },
          { activity: 'ROI modeling', orchestration: 'Dynamic hypothesis generation with adjustable assumptions', output: 'Initial business case' },
          { activity: 'Stakeholder mapping', orchestration: 'Executive sponsor alignment scoring', output: 'Decision framework' },
        ],
        capabilities: ['Industry benchmarking', 'Pain quantification', 'Hypothesis generation'],
        memory: ['Customer context', 'Discovery transcripts'],
        handoffObject: 'hypothesis',
      },
      {
        id: 'commit',
        act: 2,
        name: 'Commit to value',
        team: 'Sales',
        agentId: 'value_committer',
        agentName: 'Value Committer',
        mission: 'Convert promise into contractual accountability',
        activities: [
          { activity: 'Success metrics definition', orchestration: 'Embed KPIs directly into SOW/contracts', output: 'Outcome-based agreement' },
          { activity: 'Risk mitigation', orchestration: 'Joint accountability matrix with penalty/bonus clauses', output: 'Shared success plan' },
          { activity: 'Executive alignment', orchestration: 'C-level commitment with recorded pledges', output: 'Governance charter' },
        ],
        capabilities: ['Contract intelligence', 'Risk assessment', 'Stakeholder alignment'],
        memory: ['Negotiation history', 'Pricing models'],
        handoffObject: 'commitment',
      },
      {
        id: 'execute',
        act: 3,
        name: 'Execute value',
        team: 'Delivery',
        agentId: 'value_executor',
        agentName: 'Value Executor',
        mission: 'Transform commitments into measurable reality',
        activities: [
          { activity: 'Real-time tracking', orchestration: 'API telemetry feeding live ROI dashboards', output: 'Value pulse dashboard' },
          { activity: 'Variance management', orchestration: 'Alerts when KPIs drift >10% from target', output: 'Course correction plans' },
          { activity: 'Quarterly ceremonies', orchestration: 'Executive business reviews with proven outcomes', output: 'Value realization reports' },
        ],
        capabilities: ['Telemetry analysis', 'Variance detection', 'Report synthesis'],
        memory: ['Project data', 'KPI trends'],
        handoffObject: 'realization',
      },
      {
        id: 'prove_grow',
        act: 4,
        name: 'Prove & grow value',
        team: 'Customer success',
        agentId: 'value_amplifier',
        agentName: 'Value Amplifier',
        mission: 'Compound proven value into perpetual growth',
        activities: [
          { activity: 'Impact validation', orchestration: 'Before/after analysis with attributed business outcomes', output: 'ROI proof points' },
          { activity: 'Expansion discovery', orchestration: 'Whitespace identified from achieved results', output: 'Growth roadmap' },
          { activity: 'Renewal orchestration', orchestration: 'Value-justified renewals with pre-loaded success metrics', output: 'Next-phase business case' },
        ],
        capabilities: ['Outcome attribution', 'Expansion modeling', 'Advocacy scoring'],
        memory: ['Success history', 'Benchmark library'],
        handoffObject: 'proof',
      },
    ],
    varianceAlertPercent: 10, // 002 Act III "AI alerts when KPIs drift >10% from target"
    reviewFrequency: 'quarterly', // 002 Act III Quarterly Ceremonies; 001 Stage 4 QBRs
    // 001 Stage 4 Value Metrics; 003 Technical Metrics; 002 Act II cost reduction
    kpiCategories: [
      { id: 'consultant_cost_avoidance', label: 'Cost savings vs. consultants', betterWhen: 'higher', description: 'Spend avoided compared with consulting alternatives (001 Stage 4; 000 §2 stage 3)' },
      { id: 'cost_reduction', label: 'Cost reduction', betterWhen: 'higher', description: 'Operational cost reduced, e.g. 15% by Q3 (002 Act II)' },
      { id: 'efficiency', label: 'Efficiency improvements', betterWhen: 'higher', description: 'Manual effort and processing time saved (001 Stage 4; 002 Act III)' },
      { id: 'compliance', label: 'Compliance achievements', betterWhen: 'higher', description: 'Audit readiness and fewer findings (001 Stage 4; 004 §1.2 Need)' },
      { id: 'risk_reduction', label: 'Risk reduction', betterWhen: 'higher', description: 'Fewer incidents from unknown dependencies (001 Stage 4)' },
      { id: 'data_quality', label: 'CMDB data quality', betterWhen: 'higher', description: 'Discovery coverage and CMDB accuracy (003 Technical Metrics; 004 §1.2 Need)' },
    ],
    benchmarks: [
      { id: 'manual_cmdb_upkeep_hours', label: 'Manual CMDB upkeep', categoryId: 'efficiency', per: 'month per 1,000 servers', basis: 'assumption', kind: 'quantity', value: 80, unit: 'hours' }, // assumption, not in seed
      { id: 'it_staff_hourly_cost', label: 'Loaded IT staff cost', categoryId: 'efficiency', per: 'hour', basis: 'assumption', kind: 'money', amount: { amountMinor: 8_500, currency: 'USD' } }, // assumption, not in seed
      { id: 'consultant_day_rate', label: 'Consultant day rate (management consultancy alternative)', categoryId: 'consultant_cost_avoidance', per: 'consultant day', basis: 'assumption', kind: 'money', amount: { amountMinor: 250_000, currency: 'USD' } }, // 001 Stage 4 compares with McKinsey/KPMG; rate is an assumption, not in seed
      { id: 'consultant_days_avoided', label: 'Consultant days for an IT landscape assessment', categoryId: 'consultant_cost_avoidance', per: 'year', basis: 'assumption', kind: 'quantity', value: 40, unit: 'days' }, // assumption, not in seed
      { id: 'audit_finding_cost', label: 'Cost of an audit finding (remediation and rework)', categoryId: 'compliance', per: 'finding', basis: 'assumption', kind: 'money', amount: { amountMinor: 2_000_000, currency: 'USD' } }, // assumption, not in seed
      { id: 'audit_findings_baseline', label: 'Asset-related audit findings', categoryId: 'compliance', per: 'year', basis: 'assumption', kind: 'quantity', value: 5, unit: 'count' }, // assumption, not in seed
      { id: 'audit_findings_reduction', label: 'Reduction in audit findings', categoryId: 'compliance', per: 'year', basis: 'assumption', kind: 'quantity', value: 50, unit: 'percent' }, // assumption, not in seed
      { id: 'cmdb_accuracy_baseline', label: 'CMDB accuracy before the platform', categoryId: 'data_quality', per: 'CMDB', basis: 'assumption', kind: 'quantity', value: 60, unit: 'percent' }, // assumption, not in seed
      { id: 'cmdb_accuracy_target', label: 'CMDB accuracy after implementation', categoryId: 'data_quality', per: 'CMDB', basis: 'seed', kind: 'quantity', value: 98, unit: 'percent' }, // 003 Technical Metrics ">98%"
      { id: 'discovery_coverage_target', label: 'Discovery coverage after implementation', categoryId: 'data_quality', per: 'estate', basis: 'seed', kind: 'quantity', value: 95, unit: 'percent' }, // 003 Technical Metrics ">95%"
      { id: 'processing_time_reduction', label: 'Processing time reduced by automation', categoryId: 'efficiency', per: 'process', basis: 'seed', kind: 'quantity', value: 47, unit: 'percent' }, // 002 Act III example "reducing processing time by 47%"
      { id: 'committed_cost_reduction', label: 'Contracted cost reduction', categoryId: 'cost_reduction', per: 'contract', basis: 'seed', kind: 'quantity', value: 15, unit: 'percent' }, // 002 Act II example "guarantees 15% cost reduction by Q3"
    ],
    roi: {
      horizonYears: 3, // assumption, not in seed
      discountRatePercent: 10, // assumption, not in seed
    },
    // 002 The Transformation Impact: Measurable Outcomes (program before/after)
    programOutcomes: [
      { id: 'deal_velocity', label: 'Deal velocity', before: 127, after: 72, unit: 'days' },
      { id: 'value_realization', label: 'Value realization (share of promise)', before: 67, after: 94, unit: 'percent' },
      { id: 'net_revenue_retention', label: 'Net revenue retention', before: 95, after: 118, unit: 'percent' },
      { id: 'nps', label: 'Customer advocacy (NPS)', before: 23, after: 67, unit: 'score' },
    ],
  },

  support: {
    // 000 §4 Process Flow
    processSteps: [
      { id: 'reported', label: 'Issue reported' },
      { id: 'triage', label: 'Triage' },
      { id: 'diagnosis', label: 'Diagnosis' },
      { id: 'resolution', label: 'Resolution' },
      { id: 'verification', label: 'Verification' },
      { id: 'documentation', label: 'Documentation' },
    ],
    // 000 §4 Support Levels
    levels: [
      { level: 1, name: 'First response', ownerRoleId: 'support_agent', responsibilities: ['Ticket acknowledgment', 'Initial triage', 'Known issue resolution', 'Basic troubleshooting', 'Escalation decision'] },
      { level: 2, name: 'Technical support', ownerRoleId: 'support_engineer', responsibilities: ['Advanced troubleshooting', 'Configuration assistance', 'Integration support', 'Workaround provision', 'Bug identification'] },
      { level: 3, name: 'Engineering', ownerRoleId: 'engineering', responsibilities: ['Code-level investigation', 'Bug fixes', 'Performance optimization', 'Architecture consultation', 'Custom solutions'] },
    ],
    // Ticket priorities and SLAs: assumption, not in seed (001 target "Support Resolution <24 hours" bounds the high priority)
    priorities: [
      { id: 'critical', label: 'Critical', firstResponseHours: 1, resolutionHours: 8 }, // assumption, not in seed
      { id: 'high', label: 'High', firstResponseHours: 4, resolutionHours: 24 }, // assumption, not in seed
      { id: 'medium', label: 'Medium', firstResponseHours: 8, resolutionHours: 72 }, // assumption, not in seed
      { id: 'low', label: 'Low', firstResponseHours: 24, resolutionHours: 120 }, // assumption, not in seed
    ],
    channels: ['Customer portal support ticket system', 'Email'], // 001 Customer Portal; 001 Communication Tools (Teams/Email)
  },

  partners: {
    // 000 §5 Process Flow
    lifecycle: [
      { id: 'recruitment', label: 'Partner recruitment' },
      { id: 'enablement', label: 'Enablement' },
      { id: 'joint_planning', label: 'Joint planning' },
      { id: 'co_selling', label: 'Co-selling' },
      { id: 'delivery', label: 'Delivery' },
      { id: 'revenue_share', label: 'Revenue share' },
    ],
    // 000 §5 Partner Types; commission rates are assumptions, not in seed (000 names a "commission structure" only)
    types: [
      { id: 'technology', label: 'Technology partner', activities: ['Integration development', 'Joint solution creation', 'Technical certification', 'Marketplace listing', 'Co-innovation'], commissionPercent: 0, commissionBasis: 'none', dealRegistration: false },
      { id: 'channel', label: 'Channel partner', activities: ['Sales enablement', 'Deal registration', 'Joint marketing', 'Commission structure', 'Territory planning'], commissionPercent: 15, commissionBasis: 'first_year_arr', dealRegistration: true }, // 15 % assumption, not in seed
      { id: 'service', label: 'Service partner', activities: ['Implementation services', 'Customer training', 'Ongoing support', 'Consulting services', 'Managed services'], commissionPercent: 0, commissionBasis: 'none', dealRegistration: false },
    ],
    dealRegistrationValidityDays: 90, // assumption, not in seed
    // 001 Partner Training Program "Certification levels"; 000 §2 "Partner CSM program"; level names are assumptions, not in seed
    certificationLevels: [
      { id: 'foundation', label: 'Foundation' },
      { id: 'professional', label: 'Professional' },
      { id: 'partner_csm', label: 'Certified partner CSM' },
    ],
    trainingTopics: ['Product knowledge', 'Customer management', 'Escalation procedures'], // 001 Partner Training Program
    qualityAssurance: ['Customer satisfaction surveys', 'Partner performance metrics', 'Regular audits', 'Continuous improvement'], // 001 Quality Assurance
  },

  productDevelopment: {
    // 000 §3 Process Flow
    featureRequestStages: [
      { id: 'idea', label: 'Idea' },
      { id: 'research', label: 'Research' },
      { id: 'design', label: 'Design' },
      { id: 'development', label: 'Development' },
      { id: 'testing', label: 'Testing' },
      { id: 'release', label: 'Release' },
      { id: 'monitor', label: 'Monitor' },
      { id: 'iterate', label: 'Iterate' },
    ],
    // 000 §3 Discovery & Planning; 000 Cross-Stream Dependencies; 001 Feedback Loops and Innovation Pipeline
    feedbackSources: ['Customer feedback', 'Support tickets', 'Product telemetry', 'Customer advisory board', 'Quarterly surveys', 'Exit interviews', 'Partner feedback', 'Co-innovation projects', 'Beta programs'],
    // 000 §3 Quality & Release
    releaseChecklist: [
      { id: 'automated_testing', label: 'Automated testing' },
      { id: 'security_review', label: 'Security review' },
      { id: 'performance_optimization', label: 'Performance optimization' },
      { id: 'documentation', label: 'Documentation' },
      { id: 'staged_rollout', label: 'Staged rollout' },
    ],
  },

  metricTargets: {
    // leads — 004 Success Metrics, 000 §1 stages 1–2
    lead_response_time: { label: 'Lead response time', target: 24, comparator: 'lt', unit: 'hours', source: '004 Success Metrics; 000 §1 stage 1 SLA', area: 'leads' },
    lead_first_response_business: { label: 'Inbound lead first response (business hours)', target: 1, comparator: 'lte', unit: 'hours', source: '004 Process Optimization Tips #1', area: 'leads' },
    lead_qualification_time: { label: 'Lead qualification time', target: 48, comparator: 'lte', unit: 'hours', source: '000 §1 stage 2 SLA', area: 'leads' },
    lead_to_opportunity_rate: { label: 'Lead-to-opportunity conversion', target: 30, comparator: 'gt', unit: 'percent', source: '004 Success Metrics', area: 'leads' },
    qualification_accuracy: { label: 'Qualification accuracy', target: 90, comparator: 'gt', unit: 'percent', source: '004 Success Metrics', area: 'leads' },
    meeting_acceptance_rate: { label: 'Meeting acceptance rate', target: 50, comparator: 'gt', unit: 'percent', source: '004 Success Metrics', area: 'leads' },
    // pipeline — 000 §1 stages 4–6, 002 Measurable Outcomes
    proposal_turnaround: { label: 'Proposal turnaround', target: 7, comparator: 'lte', unit: 'days', source: '000 §1 stage 4 Timeline', area: 'pipeline' },
    poc_duration: { label: 'POC duration', target: 28, comparator: 'lte', unit: 'days', source: '000 §1 stage 5 Timeline', area: 'pipeline' },
    negotiation_duration: { label: 'Negotiation after POC', target: 14, comparator: 'lte', unit: 'days', source: '000 §1 stage 6 Timeline', area: 'pipeline' },
    deal_velocity: { label: 'Deal velocity (days to close)', target: 72, comparator: 'lte', unit: 'days', source: '002 Measurable Outcomes', area: 'pipeline' },
    // delivery — 003 Success Metrics
    on_time_delivery: { label: 'On-time delivery', target: 100, comparator: 'eq', unit: 'percent', source: '003 Project Metrics', area: 'delivery' },
    budget_variance: { label: 'Budget adherence (absolute variance)', target: 5, comparator: 'lte', unit: 'percent', source: '003 Project Metrics', area: 'delivery' },
    scope_completion: { label: 'Scope completion', target: 100, comparator: 'eq', unit: 'percent', source: '003 Project Metrics', area: 'delivery' },
    quality_score: { label: 'Quality score', target: 4, comparator: 'gt', unit: 'score', scaleMax: 5, source: '003 Project Metrics', area: 'delivery' },
    critical_issues_at_go_live: { label: 'Critical issues at go-live', target: 0, comparator: 'eq', unit: 'count', source: '003 Project Metrics', area: 'delivery' },
    discovery_coverage: { label: 'Discovery coverage', target: 95, comparator: 'gt', unit: 'percent', source: '003 Technical Metrics', area: 'delivery' },
    cmdb_accuracy: { label: 'CMDB accuracy', target: 98, comparator: 'gt', unit: 'percent', source: '003 Technical Metrics', area: 'delivery' },
    integration_uptime: { label: 'Integration uptime', target: 99.9, comparator: 'gt', unit: 'percent', source: '003 Technical Metrics', area: 'delivery' },
    user_adoption: { label: 'User adoption', target: 80, comparator: 'gt', unit: 'percent', source: '003 Business Metrics', area: 'delivery' },
    stakeholder_satisfaction: { label: 'Stakeholder satisfaction', target: 4, comparator: 'gt', unit: 'score', scaleMax: 5, source: '003 Business Metrics', area: 'delivery' },
    // billing — assumption, not in seed (000 §1 stage 8 names DSO without a target)
    days_sales_outstanding: { label: 'Days sales outstanding (DSO)', target: 45, comparator: 'lte', unit: 'days', source: 'assumption, not in seed (000 §1 stage 8 metric)', area: 'billing' },
    // customer success — 001 Success Metrics & KPIs, Stage 5, Stage 6, Resource Allocation
    gross_revenue_retention: { label: 'Gross revenue retention', target: 95, comparator: 'gt', unit: 'percent', source: '001 Retention Metrics', area: 'customer_success' },
    net_revenue_retention: { label: 'Net revenue retention', target: 145, comparator: 'gte', unit: 'percent', source: '001 Retention Metrics; 000 §2 stage 4', area: 'customer_success' },
    logo_churn: { label: 'Logo churn', target: 5, comparator: 'lt', unit: 'percent', source: '001 Retention Metrics', area: 'customer_success', period: 'year' },
    contraction_rate: { label: 'Contraction rate', target: 2, comparator: 'lt', unit: 'percent', source: '001 Retention Metrics', area: 'customer_success', period: 'year' },
    renewal_rate: { label: 'Renewal rate', target: 95, comparator: 'gte', unit: 'percent', source: '001 Stage 6 Renewal Path; 000 §2 stage 5', area: 'customer_success' },
    expansion_account_churn: { label: 'Churn of year-2+ accounts', target: 0, comparator: 'eq', unit: 'percent', source: '001 Stage 5 "Zero churn rate"', area: 'customer_success' },
    time_to_first_value: { label: 'Time to first value', target: 30, comparator: 'lt', unit: 'days', source: '001 Adoption Metrics', area: 'customer_success' },
    feature_adoption: { label: 'Feature adoption', target: 80, comparator: 'gt', unit: 'percent', source: '001 Adoption Metrics', area: 'customer_success' },
    user_activation: { label: 'User activation', target: 90, comparator: 'gt', unit: 'percent', source: '001 Adoption Metrics', area: 'customer_success' },
    monthly_active_users: { label: 'Monthly active users', target: 75, comparator: 'gt', unit: 'percent', source: '001 Adoption Metrics', area: 'customer_success' },
    nps: { label: 'NPS', target: 50, comparator: 'gt', unit: 'score', scaleMax: 100, source: '001 Satisfaction Metrics', area: 'customer_success' },
    csat: { label: 'CSAT', target: 4.5, comparator: 'gt', unit: 'score', scaleMax: 5, source: '001 Satisfaction Metrics', area: 'customer_success' },
    escalation_rate: { label: 'Escalation rate', target: 10, comparator: 'lt', unit: 'percent', source: '001 Satisfaction Metrics', area: 'customer_success' },
    expansion_revenue_share: { label: 'Expansion revenue (share of net new)', target: 45, comparator: 'gte', unit: 'percent', source: '001 Growth Metrics', area: 'customer_success' },
    reference_customers: { label: 'Reference customers (share of base)', target: 30, comparator: 'gte', unit: 'percent', source: '001 Growth Metrics', area: 'customer_success' },
    case_studies: { label: 'Case studies', target: 2, comparator: 'gte', unit: 'count', period: 'quarter', source: '001 Growth Metrics', area: 'customer_success' },
    advocacy_participation: { label: 'Advocacy program participation', target: 20, comparator: 'gte', unit: 'percent', source: '001 Growth Metrics', area: 'customer_success' },
    strategic_accounts_per_executive: { label: 'Strategic accounts per executive sponsor', target: 3, comparator: 'lte', unit: 'count', source: '001 Resource Allocation; 000 §2', area: 'customer_success' },
    // support — 001 Satisfaction Metrics
    support_resolution_time: { label: 'Support resolution time', target: 24, comparator: 'lt', unit: 'hours', source: '001 Satisfaction Metrics', area: 'support' },
    // value — 002 Measurable Outcomes
    value_realization_rate: { label: 'Value realized (share of promise)', target: 94, comparator: 'gte', unit: 'percent', source: '002 Measurable Outcomes', area: 'value' },
  },
};
