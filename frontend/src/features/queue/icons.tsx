import type { SVGProps } from 'react';

// The queue's menu icons, drawn as components/icons.tsx draws the others (decorative: the link names itself).
const base = { width: 24, height: 24, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

type P = SVGProps<SVGSVGElement>;

export const HouseIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M3 11l9-7 9 7" />
    <path d="M5 10v10h14V10M10 20v-6h4v6" />
  </svg>
);
export const HistoryIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M3 12a9 9 0 103-6.7L3 8" />
    <path d="M3 3v5h5M12 7v5l3 2" />
  </svg>
);
