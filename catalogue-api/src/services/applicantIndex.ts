// What an application is found by besides its reference: copies of two answers, kept in indexed columns of
// submissions (migration 0010) so a search reads one township's index range.
import { CONTACT_ELEMENT } from '@oneseal/runtime';

/** The name an application is filed under: the applicant's, or the organisation's when an organisation applies. */
export function applicantNameOf(answers: Record<string, unknown>): string | null {
  const name = answers.applicantName ?? answers.orgName;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : null;
}

/** The mobile number the applicant gave for look-ups (the contact element every application has). */
export function applicantMobileOf(answers: Record<string, unknown>): string | null {
  const mobile = answers[CONTACT_ELEMENT];
  return typeof mobile === 'string' && mobile ? mobile.slice(0, 20) : null;
}
