import type { SubmissionStatus } from './generated/types';

/**
 * What staff do to bring an application to each status, named as the act (受理) where the code list names the
 * state it leaves (已受理): a button reads as what it will do, a tag as where the application stands.
 */
export const SUBMISSION_ACTIONS: Readonly<Record<SubmissionStatus, string>> = {
  submitted: '提交',
  accepted: '受理',
  correction: '要求补正',
  refused: '不予受理',
  completed: '办结',
};

/** The user name the seed import records as the author of what it loaded: not a person. */
export const SEED_ACTOR = 'seed';

/** Who did something, as a person reads it: the seed import shows as 系统导入, a person by their user name. */
export const actorName = (username: string): string => (username === SEED_ACTOR ? '系统导入' : username);
