/** A logarithmic axis for counts only (a rate's 0–100 reads best as it is), and only when every value is above zero. */
export function logScaleUsable(values: readonly number[], unit: string): boolean {
  return unit !== '%' && values.length > 1 && values.every((v) => v > 0);
}
