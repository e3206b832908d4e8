/** The Profile view's words. Keys are prefixed `profile` so views never collide in the merged catalog. */
const zh = {
  profileTitle: '画像',
};

export type ProfileMessages = typeof zh;

const en: ProfileMessages = {
  profileTitle: 'Profile',
};

export const PROFILE_MESSAGES = { zh, en };
