import { own } from '@beacon/shared';
import type { AdminMessages } from '../../i18n/admin-messages.ts';
import type { FormErrorWords } from './form-errors.ts';

/** The admin section's words for refusals; field names and codes come from the server, so read with own(). */
export function formWords(t: AdminMessages): FormErrorWords {
  return {
    passwordRules: t.passwordRules,
    fieldRule: (field) => own(t.fieldRules as Record<string, string>, field),
    byCode: (code) => own(t.errors as Record<string, string>, code),
  };
}
