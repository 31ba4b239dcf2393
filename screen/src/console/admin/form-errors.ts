import { PASSWORD_RULES, type PasswordRule } from '@beacon/shared';
import { ApiError } from '../../lib/api.ts';

/** What a form shows after a refusal: the problems under each field it has, the rest above the form. */
export interface FormErrors {
  /** By field name ("password"), in the server's order; a Map, since the names come from the server. */
  fields: Map<string, string[]>;
  general: string[];
}

export const noErrors = (): FormErrors => ({ fields: new Map(), general: [] });

export interface FormErrorWords {
  /** Each password rule in the screen's language. */
  passwordRules: Record<PasswordRule, string>;
  /** What a field takes, for a refusal that is not a password rule (a schema violation: too long, wrong pattern). */
  fieldRule: (field: string) => string | undefined;
  /** A refusal in the screen's language by its code ("BEACON_USER_EXISTS"), or undefined for the server's words. */
  byCode: (code: string) => string | undefined;
}

const ruleByText = new Map<string, PasswordRule>(Object.entries(PASSWORD_RULES).map(([rule, text]) => [text, rule as PasswordRule]));

/** The field an issue is about: "/password" and "params.username" alike name their last segment. */
export function issueField(path: string): string {
  return path.split(/[/.]/).filter(Boolean).at(-1) ?? '';
}

/**
 * Turns a refusal into the form's errors: each issue under its field, in the screen's language when
 * it is a rule the screen knows (the password policy's, or the field's own), with the server's
 * words otherwise. Issues on fields the form lacks, and failures that are not refusals, go above it.
 */
export function formErrors(error: unknown, formFields: readonly string[], words: FormErrorWords): FormErrors {
  const out = noErrors();
  if (!(error instanceof ApiError)) {
    out.general.push(error instanceof Error ? error.message : String(error));
    return out;
  }
  const byCode = words.byCode(error.code);
  for (const issue of error.issues) {
    const field = issueField(issue.path);
    const rule = ruleByText.get(issue.expected);
    const text = rule ? words.passwordRules[rule] : byCode ?? words.fieldRule(field) ?? issue.expected;
    if (!formFields.includes(field)) {
      out.general.push(`${issue.path}: ${issue.expected}`);
      continue;
    }
    const list = out.fields.get(field) ?? [];
    if (!list.includes(text)) list.push(text);
    out.fields.set(field, list);
  }
  if (out.fields.size === 0) out.general.unshift(byCode ?? error.message);
  return out;
}
