/** Fill {{NAME}} placeholders; a placeholder left without a value is an error, not a silent blank. */
export function renderTemplate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template value ${name} is missing`);
    return String(value);
  });
}
