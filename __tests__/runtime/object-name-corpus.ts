/**
 * Object names that probe what the SDK signs against what it sends: every printable ASCII character (0x20–0x7E)
 * alone, at the start, in the middle, at the end and doubled; Unicode (accents precomposed and combining, CJK,
 * emoji with ZWJ and flags, RTL scripts and marks, invisible characters, astral plane); dot segments, percent
 * signs that look like escapes, whitespace at the ends, slashes. Object Storage accepts every one of them: "any
 * character except line feed, carriage return and NULL", at most 1024 bytes of UTF-8.
 */

export const PRINTABLE_ASCII: string[] = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i));

export const UNICODE_NAMES: string[] = [
  'café.txt', // precomposed é (U+00E9)
  'cafe\u0301.txt', // e + combining acute (U+0301): a different name with the same look
  'a\u0300\u0301\u0302\u0303', // stacked combining marks
  '日本語/ファイル.txt',
  '中文 文件.pdf',
  '한국어.txt',
  'файл.csv',
  'नमस्ते',
  '📦',
  'emoji-📦-end',
  '👨‍👩‍👧 family', // ZWJ sequence
  '🇯🇵 flag',
  'שלום.txt', // Hebrew (RTL)
  'مرحبا بالعالم', // Arabic (RTL) with a space
  'rtl\u200fmark', // RIGHT-TO-LEFT MARK
  'override\u202eevil.txt', // RIGHT-TO-LEFT OVERRIDE
  'nb\u00a0sp', // NO-BREAK SPACE
  '\ufeffbom', // BYTE ORDER MARK at the start
  'zero\u200bwidth', // ZERO WIDTH SPACE
  '𝕏 astral', // U+1D54F, a surrogate pair in UTF-16
  'ﬁ ligature',
  '％２７ fullwidth',
  'é'.repeat(512), // 1024 bytes of UTF-8, the limit
];

/** Names that are paths to a URL parser, or look like escapes, or have whitespace where it gets trimmed. */
export const SPECIAL_NAMES: string[] = [
  '.',
  '..',
  '...',
  'a/./b',
  'a/../b',
  './a',
  '../a',
  'a/.',
  'a/..',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%27',
  '%2F',
  '%',
  '%%',
  '%zz',
  '100%',
  'trailing ',
  'trailing  ',
  '  ',
  ' lead',
  'a/',
  '/a',
  '//',
  'a//b',
  '\t',
  'tab\there',
  '\u007f',
  "it's here.txt",
  "'".repeat(1024), // 1024 bytes, all apostrophes
];

/** Every printable ASCII character alone, at the start, in the middle, at the end and doubled. */
export function asciiPlacements(): string[] {
  return PRINTABLE_ASCII.flatMap((c) => [c, `${c}x`, `a${c}b`, `x${c}`, `${c}${c}`]);
}

/** The whole corpus, without duplicates. */
export function objectNameCorpus(): string[] {
  return [...new Set([...asciiPlacements(), ...UNICODE_NAMES, ...SPECIAL_NAMES])];
}

/** Object Storage's listing order: by the UTF-8 bytes of the name. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
