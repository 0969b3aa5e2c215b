/**
 * The page-leave guard of the plan screen. The app registers it once (App.svelte), so it
 * guards the open plan whichever screen is shown: the plan screen's state lives as long as
 * the app, and so do its unsaved edits.
 *
 * Leaving the page asks first whenever an edit of the open plan is not yet written: one
 * waiting for the save delay or being written by a save under way (the save the guard starts
 * on the way out rarely ends while the page unloads), or one a save cannot write (a conflict
 * with another tab, a failed save).
 */

/** What the guard needs to know of the plan screen (PlanScreen has these). */
export interface UnwrittenEdits {
  /** Edits not yet written: waiting for their save, or kept after a conflict or a failed save. */
  readonly hasUnsaved: boolean;
  /** Unsaved edits a save cannot write now (a conflict, a failed save). */
  readonly hasUnsavable: boolean;
  /** A save is writing edits now. */
  readonly isSaving: boolean;
}

/**
 * Why leaving the page now would lose edits: 'none'; 'pending' for edits a save is writing or
 * will write soon; 'unsavable' for edits a save cannot write (a conflict, a failed save).
 */
export type UnloadRisk = 'none' | 'pending' | 'unsavable';

export function unloadRisk(screen: UnwrittenEdits): UnloadRisk {
  if (screen.hasUnsavable) return 'unsavable';
  if (screen.hasUnsaved || screen.isSaving) return 'pending';
  return 'none';
}

/** Whether the page should warn before it is left (or reloaded): some edit is not yet written. */
export function shouldWarnBeforeUnload(screen: UnwrittenEdits): boolean {
  return unloadRisk(screen) !== 'none';
}

/** What the guard needs of a `beforeunload` event. */
export interface UnloadEventLike {
  preventDefault(): void;
  returnValue: unknown;
}

/**
 * The `beforeunload` handler: asks the browser to warn when an edit is not yet written, and
 * starts saving pending edits at once (they are written if the user stays, or if the save ends
 * before the page goes).
 * @param flush saves the pending edits now (PlanScreen.flush)
 * @returns whether the page warns
 */
export function guardUnload(event: UnloadEventLike, screen: UnwrittenEdits, flush: () => unknown): boolean {
  const risk = unloadRisk(screen);
  if (risk === 'none') return false;
  if (risk === 'pending') void flush();
  event.preventDefault();
  // Older browsers warn only when returnValue is set.
  event.returnValue = '';
  return true;
}
