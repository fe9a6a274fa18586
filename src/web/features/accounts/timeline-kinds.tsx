import type { ReactNode } from 'react';
import type { TimelineKind } from '../../lib/types';
import { IconBolt, IconCalendar, IconHistory, IconMail, IconNote, IconPhone } from '../../ui/Icons';

export const KIND_META: Record<TimelineKind, { label: string; plural: string; color: string; icon: (size?: number) => ReactNode }> = {
  note: { label: 'Note', plural: 'Notes', color: 'yellow', icon: (s = 14) => <IconNote size={s} /> },
  call: { label: 'Call', plural: 'Calls', color: 'green', icon: (s = 14) => <IconPhone size={s} /> },
  meeting: { label: 'Meeting', plural: 'Meetings', color: 'indigo', icon: (s = 14) => <IconCalendar size={s} /> },
  email: { label: 'Email', plural: 'Emails', color: 'blue', icon: (s = 14) => <IconMail size={s} /> },
  system: { label: 'System', plural: 'System', color: 'gray', icon: (s = 14) => <IconBolt size={s} /> },
  audit: { label: 'Audit', plural: 'Audit', color: 'grape', icon: (s = 14) => <IconHistory size={s} /> },
};
