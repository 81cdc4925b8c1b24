/**
 * Terraform JSON syntax evaluates every string as a template: `${ expr }` and
 * `%{ directive }` sequences are expressions resolved at plan/apply time, `$${` and
 * `%%{` are escapes for the literal characters. The validator cannot evaluate
 * expressions, so it only needs to know whether a string is a template and, if so,
 * whether it is a single `${...}` (whose result can be of any type) or a mixed
 * template (whose result is always a string).
 */
export interface TemplateShape {
  /** At least one `${...}` or `%{...}` sequence. */
  readonly isTemplate: boolean;
  /** The whole string is exactly one `${...}`, so its value may be a list, map, number, ... */
  readonly isSingleExpression: boolean;
  /** A sequence was opened but never closed: terraform rejects the string. */
  readonly isUnterminated: boolean;
}

export function analyzeTemplate(text: string): TemplateShape {
  let isTemplate = false;
  let isSingleExpression = false;
  let i = 0;
  while (i < text.length) {
    if (isEscapedSequence(text, i)) {
      i += 3;
      continue;
    }
    if (!opensSequence(text, i)) {
      i += 1;
      continue;
    }
    const end = findSequenceEnd(text, i + 2);
    if (end < 0) return { isTemplate: true, isSingleExpression: false, isUnterminated: true };
    isTemplate = true;
    isSingleExpression = i === 0 && end === text.length - 1 && text[0] === '$';
    i = end + 1;
  }
  return { isTemplate, isSingleExpression, isUnterminated: false };
}

/** True when the string contains an expression terraform resolves later. */
export function isTemplate(text: string): boolean {
  return analyzeTemplate(text).isTemplate;
}

function opensSequence(text: string, i: number): boolean {
  return (text[i] === '$' || text[i] === '%') && text[i + 1] === '{';
}

function isEscapedSequence(text: string, i: number): boolean {
  return (text[i] === '$' || text[i] === '%') && text[i + 1] === text[i] && text[i + 2] === '{';
}

/**
 * Index of the `}` that closes a sequence whose body starts at `from`, or -1.
 * Braces of object constructors nest; braces inside quoted strings do not count
 * (but templates nested in those strings do).
 */
function findSequenceEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = findClosingQuote(text, i + 1);
      if (i < 0) return -1;
    } else if (ch === '{') {
      depth += 1;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text[i] === '"') {
      return i;
    } else if (isEscapedSequence(text, i)) {
      i += 2;
    } else if (opensSequence(text, i)) {
      i = findSequenceEnd(text, i + 2);
      if (i < 0) return -1;
    }
  }
  return -1;
}
