import { launchChromium } from '../src/render/chromium';

const STATIC_PAGE =
  'data:text/html,<body style="margin:0;background:%23101830;color:white;font:48px sans-serif">static page</body>';

/**
 * The fastest this machine can capture right now, in frames a second: JPEG
 * screenshots of a static page as wide as `framesPerShot` 1920x1080 frames
 * side by side (the render's filmstrip), one browser per worker, nothing
 * drawn between shots and nothing encoded. A render cannot beat it, so the
 * bench prints it next to its own figure: on a shared 2-core VM the same
 * render varies by 20 % from one minute to the next, and this shows which
 * minute it was.
 */
export async function measureCaptureCeiling(
  chromiumPath: string,
  workers: number,
  framesPerShot = 1,
  shotsPerWorker = 40,
): Promise<number> {
  const browsers = await Promise.all(Array.from({ length: workers }, () => launchChromium(chromiumPath)));
  try {
    const sessions = await Promise.all(
      browsers.map(async ({ browser }) => {
        const context = await browser.newContext({ viewport: { width: 1920 * framesPerShot, height: 1080 } });
        const page = await context.newPage();
        await page.goto(STATIC_PAGE);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: 90 }); // warm-up
        return cdp;
      }),
    );
    const started = performance.now();
    await Promise.all(
      sessions.map(async (cdp) => {
        for (let i = 0; i < shotsPerWorker; i++)
          await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: 90 });
      }),
    );
    return (workers * shotsPerWorker * framesPerShot) / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
}
