import { Children, type ReactNode } from 'react';
import { useExplainer } from './explainerContext';

/** The layout's data panel: cards stacked in a column (16:9, 1:1) or a row (9:16). */
export function Panel({ children }: { children: ReactNode }) {
  const { panel } = useExplainer().layout;
  return (
    <div
      style={{
        position: 'absolute',
        left: panel.x,
        top: panel.y,
        width: panel.w,
        height: panel.h,
        display: 'flex',
        flexDirection: panel.direction,
        gap: 18,
        alignItems: panel.direction === 'row' ? 'stretch' : 'stretch',
        justifyContent: 'flex-start',
      }}
    >
      {panel.direction === 'row'
        ? Children.toArray(children).map((c, i) => (
            <div key={i} style={{ flex: '1 1 0', minWidth: 0, display: 'flex', flexDirection: 'column' }}>
              {c}
            </div>
          ))
        : children}
    </div>
  );
}
