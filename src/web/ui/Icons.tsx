// A small set of stroke icons (24×24 grid) so the app needs no icon package. Decorative by default (aria-hidden).
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number | string };

function make(paths: string[], extra?: (p: IconProps) => React.ReactNode) {
  return function Icon({ size = 18, ...rest }: IconProps) {
    return (
      <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
        strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...rest}>
        {paths.map((d) => <path key={d} d={d} />)}
        {extra?.(rest)}
      </svg>
    );
  };
}

export const IconDashboard = make(['M4 4h6v8H4z', 'M14 4h6v5h-6z', 'M14 13h6v7h-6z', 'M4 16h6v4H4z']);
export const IconBuilding = make(['M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16', 'M15 9h4a1 1 0 0 1 1 1v11', 'M3 21h18', 'M8 8h3', 'M8 12h3', 'M8 16h3']);
export const IconUsers = make(['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2', 'M16 3.1a4 4 0 0 1 0 7.8', 'M21 21v-2a4 4 0 0 0-3-3.9']);
export const IconBriefcase = make(['M3 8a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z', 'M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2', 'M3 13h18']);
export const IconRocket = make(['M5 15c-1 1-2 4-2 6 2 0 5-1 6-2', 'M9 15l-3-3c1.5-5 6-9 13-9 0 7-4 11.5-9 13z', 'M15 9.5a1.5 1.5 0 1 0 0-.1']);
export const IconCoin = make(['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M14.8 9A2 2 0 0 0 13 8h-2a2 2 0 0 0 0 4h2a2 2 0 0 1 0 4h-2a2 2 0 0 1-1.8-1', 'M12 6v2', 'M12 16v2']);
export const IconHeart = make(['M19.5 12.6 12 20l-7.5-7.4A5 5 0 1 1 12 6a5 5 0 1 1 7.5 6.6z']);
export const IconLifebuoy = make(['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M15 15l3.4 3.4', 'M15 9l3.4-3.4', 'M9 15l-3.4 3.4', 'M9 9 5.6 5.6']);
export const IconHandshake = make(['M11 17l2 2a1 1 0 1 0 3-3', 'M14 14l2.5 2.5a1 1 0 1 0 3-3l-3.9-3.9a3 3 0 0 0-4.2 0l-.9.9a1 1 0 1 1-3-3l2.8-2.8a5.8 5.8 0 0 1 7.1-.8l.5.3a4 4 0 0 0 2.8.5L21 4', 'M21 15l-1 1', 'M3 4l1 1.7a4 4 0 0 0 2.3 1.6L7 7.5', 'M3 14l6.5 6.5a1 1 0 1 0 3-3']);
export const IconShield = make(['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M9 12l2 2 4-4']);
export const IconKey = make(['M15.5 14a5.5 5.5 0 1 0-4.9-3L3 18.6V21h3v-2h2v-2h2l1.5-1.5A5.5 5.5 0 0 0 15.5 14z', 'M16 8h.01']);
export const IconBook = make(['M4 19a2 2 0 0 1 2-2h14V3H6a2 2 0 0 0-2 2z', 'M4 19a2 2 0 0 0 2 2h14v-4', 'M9 7h7']);
export const IconWebhook = make(['M4.9 17.6A4 4 0 1 0 11 20.9h6', 'M14.5 7.5 11 14', 'M9 7a4 4 0 1 1 5.6 3.7', 'M14.9 19.5a4 4 0 1 0 1.6-6.4L13 7']);
export const IconList = make(['M9 6h11', 'M9 12h11', 'M9 18h11', 'M5 6h.01', 'M5 12h.01', 'M5 18h.01']);
export const IconSearch = make(['M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-6-6']);
export const IconPlus = make(['M12 5v14', 'M5 12h14']);
export const IconEdit = make(['M4 20h4L18.5 9.5a2.8 2.8 0 0 0-4-4L4 16z', 'M13.5 6.5l4 4']);
export const IconTrash = make(['M4 7h16', 'M10 11v6', 'M14 11v6', 'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12', 'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3']);
export const IconLogout = make(['M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2', 'M9 12h12', 'M18 9l3 3-3 3']);
export const IconChevronDown = make(['M6 9l6 6 6-6']);
export const IconChevronLeft = make(['M15 6l-6 6 6 6']);
export const IconChevronRight = make(['M9 6l6 6-6 6']);
export const IconNote = make(['M13 20l7-7', 'M13 20v-6a1 1 0 0 1 1-1h6V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1z']);
export const IconPhone = make(['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2']);
export const IconCalendar = make(['M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z', 'M16 3v4', 'M8 3v4', 'M4 11h16']);
export const IconMail = make(['M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z', 'M3 7l9 6 9-6']);
export const IconBolt = make(['M13 3v7h6l-8 11v-7H5z']);
export const IconHistory = make(['M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4', 'M3 20v-5h5']);
export const IconBell = make(['M10 5a2 2 0 1 1 4 0 7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6', 'M9 17v1a3 3 0 0 0 6 0v-1']);
export const IconStar = make(['M12 17.8l-6.2 3.2 1.2-6.9-5-4.9 6.9-1L12 2l3.1 6.2 6.9 1-5 4.9 1.2 6.9z']);
export const IconCopy = make(['M8 10a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2z', 'M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2']);
export const IconCheck = make(['M5 12l5 5L20 7']);
export const IconRestore = make(['M3.05 11a9 9 0 1 1 .5 4', 'M3 20v-5h5']);
export const IconWorld = make(['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M3.6 9h16.8', 'M3.6 15h16.8', 'M11.5 3a17 17 0 0 0 0 18', 'M12.5 3a17 17 0 0 1 0 18']);
export const IconServer = make(['M3 6a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v2a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3z', 'M3 16a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v2a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3z', 'M7 7h.01', 'M7 17h.01']);
export const IconCloud = make(['M6.7 18A4.6 4.4 0 0 1 6.7 9.2 5 4.5 0 0 1 17 9h1a3.5 3.5 0 0 1 0 7h-1']);
export const IconNetwork = make(['M6 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M18 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M12 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M6 9v1a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V9', 'M12 12v3']);
export const IconArrowRight = make(['M5 12h14', 'M13 18l6-6', 'M13 6l6 6']);
export const IconRefresh = make(['M20 11A8.1 8.1 0 0 0 4.5 9M4 5v4h4', 'M4 13a8.1 8.1 0 0 0 15.5 2m.5 4v-4h-4']);
export const IconSun = make(['M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M3 12h1m8-9v1m8 8h1m-9 8v1M5.6 5.6l.7.7m12.1-.7-.7.7m0 11.4.7.7m-12.1-.7-.7.7']);
export const IconMoon = make(['M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9']);
export const IconAlert = make(['M12 9v4', 'M10.4 3.9 2.6 17.5A1.9 1.9 0 0 0 4.2 20h15.6a1.9 1.9 0 0 0 1.6-2.5L13.6 3.9a1.9 1.9 0 0 0-3.2 0z', 'M12 16h.01']);
