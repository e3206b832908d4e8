/** The user's words for why a dropped file or a text could not be read. */
import type { Messages } from '../../i18n/messages.ts';
import type { DecodeFailure } from '../../../core/user-data/decode-report-bytes.ts';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

export function failureMessage(failure: DecodeFailure, m: Messages): string {
  switch (failure.code) {
    case 'empty': return m.importReportEmpty;
    case 'too-large': return m.importReportTooLarge(mb(failure.bytes), mb(failure.limit));
    case 'too-long': return m.importReportTooLong(failure.chars, failure.limit);
    case 'binary': return m.importReportBinary(failure.kind);
    case 'undecodable': return m.importReportUndecodable(failure.tried.join(' / '), failure.guess ?? '');
  }
}
