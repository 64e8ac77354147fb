import type { Contact } from './generated/types';

/** A channel for complaints or supervision (监督投诉渠道). */
export function isComplaintChannel(contact: Contact): boolean {
  return contact.kind === 'complaint' || contact.kind === 'supervision';
}

/** A channel to ask (咨询): marked so, or a contact whose use the guide does not name ("联系方式"). */
export function isConsultChannel(contact: Contact): boolean {
  return contact.kind === undefined || contact.kind === 'consult';
}
