/** Amounts in words, as Vietnamese forms write them beside the figures ("Bằng chữ: Năm mươi triệu đồng"). */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** One group of three digits; `leading` groups drop "không trăm" and "linh" where nothing comes before. */
function threeDigits(n: number, leading: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (!leading || hundreds > 0) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(digit(units));
  return words;
}

/** 50000000 → "Năm mươi triệu đồng"; whole VND below a thousand billion. */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e12)
    throw new RangeError(`Not a whole amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const words: string[] = [];
  let rest = amount;
  const groups: number[] = [];
  while (rest > 0) {
    groups.unshift(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  groups.forEach((group, i) => {
    const scaleIndex = groups.length - 1 - i;
    if (group === 0) return;
    words.push(...threeDigits(group, i === 0));
    const scale = SCALES[scaleIndex];
    if (scale) words.push(scale);
  });
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
