/**
 * Makes layout measurements inside a scaled frame read as they would on the
 * unscaled capture page.
 *
 * <ScaledFrame> shrinks a native-size frame with a CSS transform, and
 * `getBoundingClientRect()` reports transformed (shrunk) sizes. react-three-fiber
 * sizes its canvas from that call, so inside a 0.5x frame a 3D canvas drew at
 * half its size and was shrunk again (a clipped, quarter-size 3D picture that
 * the renderer never produces). With this installed, any element inside a
 * `[data-scaled-frame-root]` box measures in composition pixels relative to the
 * frame's top-left corner, exactly as on the render page (frame at 0,0, no
 * scale); elements elsewhere are unaffected.
 *
 * The lasting fix is in the engine: ThreeCanvas passing
 * `resize={{ offsetSize: true, ... }}` to <Canvas> (react-use-measure then reads
 * offsetWidth/offsetHeight, which transforms do not change). This stays correct
 * with or without that change.
 */
export const SCALED_FRAME_ROOT_ATTR = 'data-scaled-frame-root';
/** Attribute on the root holding its scale (composition pixels -> screen pixels). */
export const SCALED_FRAME_SCALE_ATTR = 'data-frame-scale';

const PATCHED = Symbol.for('ltp.unscaledMeasure');

export function installUnscaledMeasure(): void {
  if (typeof Element === 'undefined') return;
  const proto = Element.prototype as Element & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  const original = proto.getBoundingClientRect;
  proto.getBoundingClientRect = function getUnscaledBoundingClientRect(this: Element): DOMRect {
    const rect = original.call(this);
    const root = this.closest(`[${SCALED_FRAME_ROOT_ATTR}]`);
    if (!root || root === this) return rect;
    const scale = Number(root.getAttribute(SCALED_FRAME_SCALE_ATTR));
    if (!(scale > 0) || scale === 1) return rect;
    const origin = original.call(root);
    return new DOMRect((rect.x - origin.x) / scale, (rect.y - origin.y) / scale, rect.width / scale, rect.height / scale);
  };
  proto[PATCHED] = true;
}
