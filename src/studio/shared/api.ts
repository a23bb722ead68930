/**
 * What the studio's browser app and its server say to each other (JSON
 * shapes of the /api endpoints). Types only.
 *
 * Reads:  GET /api/narration, GET /api/render, GET /api/render/ID, GET /api/render/project, GET /api/peaks?src=,
 *         GET /api/output/<file under out/>
 * Writes (403 unless the Origin is the studio's own):
 *         PUT /api/narration (text/plain: the whole script), POST /api/narration/undo, POST /api/narration/redo,
 *         PUT /api/props/<scene id> (JSON: the scene's whole look), POST /api/render, POST /api/render/ID/cancel
 */

/** The script as saved, and whether undo / redo have somewhere to go. */
export interface NarrationState {
  text: string;
  canUndo: boolean;
  canRedo: boolean;
}

/** One script problem, at a 1-based line of the whole script. */
export interface NarrationIssue {
  line: number;
  message: string;
}

/** The answer to a refused script: the CLI's message and each problem at its line. */
export interface NarrationRefusal {
  error: string;
  issues: NarrationIssue[];
}

/** GET /api/render/project: the project copy the render queue renders (`--project DIR`), null for the repo. */
export interface RenderProject {
  project: string | null;
}

/** The answer to a saved look. */
export interface LookSaved {
  file: string;
  /** What the file now holds: the fields that differ from the defaults. */
  saved: Record<string, unknown>;
}
