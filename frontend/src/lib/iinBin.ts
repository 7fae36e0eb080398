const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * The national IIN/BIN checksum (weights 1..11 mod 11, then 3..11,1,2 when the first gives 10),
 * so an obvious typo is caught before the form is sent. The server decides the rest.
 */
export function iinBinChecksumOk(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * digits[i], 0) % 11;
  let check = sum(W1);
  if (check === 10) {
    check = sum(W2);
    if (check === 10) return false;
  }
  return check === digits[11];
}
