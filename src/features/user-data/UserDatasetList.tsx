/** Placeholder until this part of issue 5 lands (see docs/ROADMAP.md). */
import { useI18n } from '../i18n/i18n.tsx';

export function UserDatasetList() {
  const { m } = useI18n();
  return <p className="status">{m.userDataPending}</p>;
}
