/**
 * Focus handling shared by the two places an event's details open — the map popup (EventPopup) and the
 * panel shown when the map cannot be drawn (MapUnavailable): take focus on the title, remember where it
 * came from, give it back on close.
 */
import { tick } from 'svelte';

/**
 * Focuses the event's title inside the details once Svelte has drawn it.
 * @param container the popup's or panel's element
 * @param headingId the id of the title element
 */
export function focusTitle(container: HTMLElement, headingId: string): void {
  tick().then(() => container.querySelector<HTMLElement>(`#${headingId}`)?.focus({ preventScroll: true }));
}

/**
 * Where focus is now, if outside the details: where to give it back when they close.
 * @param container the popup's or panel's element
 * @returns the focused element outside the container, or null
 */
export function focusOrigin(container: HTMLElement): HTMLElement | null {
  const active = document.activeElement as HTMLElement | null;
  return active && !container.contains(active) ? active : null;
}
