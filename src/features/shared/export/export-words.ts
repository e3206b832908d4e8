/**
 * Adds the export and source-panel words (i18n/views/export.ts) to the catalog when first imported.
 * They are not in the entry chunk (the landing chart does not read them): every module that reads
 * `m.exportText`, `m.exportProvenance` or the export menu's words imports this file for its side
 * effect, so the words arrive with that module's chunk, before any of its components renders
 * (tests/features/view-messages.test.ts checks the readers).
 */
import { addViewMessages } from '../../i18n/messages.ts';
import { EXPORT_MESSAGES } from '../../i18n/views/export.ts';

addViewMessages(EXPORT_MESSAGES);
