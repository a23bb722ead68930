/**
 * Node flags for every process that drives a render (`npm run render`,
 * `still`, `render:all`, `render:worker`, `bench`, and the studio's render
 * jobs; test/render/nodeFlags.test.ts checks they all pass them).
 *
 * A 1 MiB young-generation semi-space: each screenshot arrives over the
 * DevTools pipe as a base64 string of about a megabyte and is garbage one
 * frame later, so V8's default (semi-spaces growing to 16 MiB) only kept
 * more dead screenshots alive between scavenges. bench-3d, 2 workers (issue
 * #19): Node's peak PSS 162-212 to 138-157 MiB, and its CPU 5.3-6.8 to
 * 4.0-4.2 s for 300 frames (smaller scavenges); render speed unchanged.
 * Heap sizes are fixed when V8 starts, so this is a command-line flag, not
 * something the CLI could set for itself.
 */
export const RENDER_NODE_FLAGS = ['--max-semi-space-size=1'] as const;
