import { QueryError } from '../../../db/db.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function Loading({ text }: { text: string }) {
  return <p className="status" role="status">{text}</p>;
}

/** Shows an error; a failed query shows the SQL that failed, ready to copy into a bug report. */
export function ErrorBox({ error }: { error: unknown }) {
  const { m } = useI18n();
  const message = error instanceof QueryError ? (error.cause instanceof Error ? error.cause.message : error.message.split('\n')[0]) : error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <strong>{m.errorTitle}</strong>: {message}
      {error instanceof QueryError && (
        <details>
          <summary>{m.errorSql}</summary>
          <pre>{error.sql.trim()}{'\n-- params: '}{JSON.stringify(error.params)}</pre>
        </details>
      )}
    </div>
  );
}
