/** yyyy-mm-ddThh:mm in the agent's time zone, as <input type="datetime-local"> holds it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** yyyy-mm-dd in the agent's time zone. */
export const toLocalDate = (ms: number) => toLocalInput(ms).slice(0, 10);

/** A datetime-local value read in the agent's time zone (no "Z": Date parses it as local time). */
export function fromLocalInput(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(value).getTime() : Number.NaN;
}
