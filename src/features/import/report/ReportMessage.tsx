/** The form's one current message (test hook `report-message`, `data-state` error | warning | ok | progress). */
export interface Message {
  state: 'error' | 'warning' | 'ok' | 'progress';
  text: string;
}

export function ReportMessage({ message }: { message: Message }) {
  return (
    <p className={`report-import-message report-import-${message.state}`} data-testid="report-message" data-state={message.state}
      role={message.state === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}
