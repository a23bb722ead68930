/**
 * Browser entry of the render page (render.html): registers every
 * composition with the capture driver and exposes it to the renderer as
 * `window.__captureDriver`. Nothing draws until the renderer calls
 * `mount(id)` and `setFrame(n)`.
 */
import { compositions } from '../../compositions';
import { createCaptureDriver, type CaptureDriver } from '../../engine/captureDriver';

declare global {
  interface Window {
    __captureDriver?: CaptureDriver;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('render.html has no #root element.');
window.__captureDriver = createCaptureDriver(container, compositions);
