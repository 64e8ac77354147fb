// What run.js drives in each bench page: mount the form once and time it to its first painted frame, then time
// single keystrokes in one text field from the key event to the first painted frame that shows the new value.
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

export interface Mounted {
  /** performance.now() from before createRoot to after the synchronous render and commit (DOM built). */
  commitMs: number;
  /** From the same start to the end of the first frame after the commit (see nextFrame). */
  firstFrameMs: number;
  /** Field containers in the DOM in that first frame. */
  firstFrameFields: number;
  /**
   * From the same start to the end of the first frame that shows all `expected` fields — or, for a renderer that
   * draws only some fields until the reader scrolls, the first frame that shows as many as it draws on its own
   * (no new field for IDLE_MS). The first frame above, unless fields are added after the first commit.
   */
  paintMs: number;
  /** Field containers in the DOM in that frame. */
  fields: number;
}

export interface Keystroke {
  /** From the keydown event's timeStamp (when the browser took the key) to the end of the frame showing it. */
  ms: number;
  /** Of which: before the first keydown listener ran (input delay). */
  delayMs: number;
  /** Frames produced before the one that showed the value (0: the very next frame showed it). */
  extraFrames: number;
}

export interface BenchPage {
  label: string;
  /** Mounts the form; resolves once a frame with all `expected` fields (or all it draws by itself) is painted. */
  mount(expected: number): Promise<Mounted>;
  /** Scrolls the keystroke field to the middle of the viewport and focuses it; resolves when idle. */
  focusTarget(): Promise<void>;
  /** Listens for the next key: call before the key is pressed, then `keystroke()` for its timing. */
  arm(char: string): void;
  keystroke(): Promise<Keystroke>;
  /** Resolves when the page has had two frames and an idle period (nothing left over from the last key). */
  idle(): Promise<void>;
  /** The keystroke field's value as the form holds it (not as the DOM shows it). */
  value(): unknown;
}

declare global {
  interface Window {
    bench?: BenchPage;
    /** The generated items, for run.js to check against the model. */
    benchItems?: unknown;
  }
}

/** Time without a new field after which a renderer that has not drawn them all is taken to be done. */
const IDLE_MS = 1000;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves in the first task after the next frame: a requestAnimationFrame callback runs just before that
 * frame's style, layout and paint, and a message posted from it is delivered after them. So the time taken
 * here is when the main thread has handed that frame to the compositor (rasterising happens off-thread).
 */
function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    }),
  );
}

export function install(options: {
  label: string;
  /** The form to mount; created inside the timed bracket, as a page creates it when it mounts. */
  render: () => ReactElement;
  /** How many field containers the DOM holds. */
  countFields: () => number;
  /** The keystroke field's <input>. */
  target: () => HTMLInputElement | HTMLTextAreaElement | null;
  value: () => unknown;
}): void {
  let armed: Promise<Keystroke> | undefined;
  const target = () => {
    const input = options.target();
    if (!input) throw new Error(`${options.label}: keystroke field not found`);
    return input;
  };

  const bench: BenchPage = {
    label: options.label,
    async mount(expected) {
      const host = document.getElementById('root')!;
      const start = performance.now();
      const root = createRoot(host);
      flushSync(() => root.render(options.render()));
      const committed = performance.now();
      const first = await nextFrame();
      const firstFrameFields = options.countFields();
      let painted = first;
      let fields = firstFrameFields;
      for (let now = painted; fields < expected && now - painted < IDLE_MS && now - start < 30_000;) {
        now = await nextFrame();
        const count = options.countFields();
        if (count !== fields) [painted, fields] = [now, count];
      }
      return {
        commitMs: committed - start,
        firstFrameMs: first - start,
        firstFrameFields,
        paintMs: painted - start,
        fields,
      };
    },
    async focusTarget() {
      // A renderer that draws fields as they come near the viewport draws this one once the reader scrolls to it.
      for (let step = 0; !options.target() && step < 200; step++) {
        window.scrollBy(0, window.innerHeight / 2);
        await frame();
        await frame();
      }
      const input = target();
      input.scrollIntoView({ block: 'center' });
      input.focus();
      await bench.idle();
      if (document.activeElement !== input) throw new Error(`${options.label}: keystroke field lost focus`);
    },
    arm(char) {
      const input = target();
      if (document.activeElement !== input) throw new Error(`${options.label}: keystroke field not focused`);
      const expected = input.value + char;
      armed = new Promise<Keystroke>((resolve, reject) => {
        let pressed: number | undefined;
        let delayMs = 0;
        const timer = setTimeout(() => reject(new Error(`${options.label}: no paint within 10 s`)), 10_000);
        window.addEventListener(
          'keydown',
          (event) => {
            pressed = event.timeStamp;
            delayMs = performance.now() - event.timeStamp;
          },
          { capture: true, once: true },
        );
        // Capture on window: this runs before the form's own handlers, so the frame awaited is the one after them.
        window.addEventListener(
          'input',
          () => {
            let extraFrames = 0;
            const check = () => {
              if (target().value === expected) {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => {
                  clearTimeout(timer);
                  if (pressed === undefined) reject(new Error(`${options.label}: input without keydown`));
                  else resolve({ ms: performance.now() - pressed, delayMs, extraFrames });
                };
                channel.port2.postMessage(undefined);
              } else {
                extraFrames++;
                requestAnimationFrame(check);
              }
            };
            requestAnimationFrame(check);
          },
          { capture: true, once: true },
        );
      });
    },
    keystroke() {
      if (!armed) return Promise.reject(new Error('arm() was not called'));
      const result = armed;
      armed = undefined;
      return result;
    },
    async idle() {
      await frame();
      await frame();
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    },
    value: options.value,
  };
  window.bench = bench;
}
