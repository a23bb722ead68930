/** Control icons as inline SVG (no icon font: the host page's fonts may lack media glyphs). Decorative: buttons carry aria-labels. */
const common = {
  width: 20,
  height: 20,
  viewBox: '0 0 20 20',
  'aria-hidden': true,
  focusable: false,
  fill: 'currentColor',
} as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M5 3l12 7-12 7z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <rect x="4" y="3" width="4.5" height="14" />
    <rect x="11.5" y="3" width="4.5" height="14" />
  </svg>
);
export const PreviousSceneIcon = () => (
  <svg {...common}>
    <rect x="3" y="3" width="2.5" height="14" />
    <path d="M17 3L6.5 10 17 17z" />
  </svg>
);
export const NextSceneIcon = () => (
  <svg {...common}>
    <path d="M3 3l10.5 7L3 17z" />
    <rect x="14.5" y="3" width="2.5" height="14" />
  </svg>
);
