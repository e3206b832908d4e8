import { useI18n } from '../i18n/i18n.tsx';

/** Placeholder until the Profile view lands (issue 3); kept so the shell's tabs and lazy loading are real. */
export default function ProfileView() {
  const { m } = useI18n();
  return <p className="status">{m.profileTitle}</p>;
}
