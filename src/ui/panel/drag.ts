/**
 * Follows a drag from a pointerdown on `handle`: `move` gets each pointer position until the button is
 * released. The pointer is captured so the drag goes on outside the handle; a pointer the browser does
 * not know (a synthetic event) cannot be captured, and the drag then follows the events the handle gets.
 */
export function followDrag(handle: HTMLElement, pointerId: number, move: (event: PointerEvent) => void): void {
  try {
    handle.setPointerCapture(pointerId);
  } catch {
    // not a live pointer: nothing to capture
  }
  const end = (): void => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', end);
    handle.removeEventListener('pointercancel', end);
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', end);
}
