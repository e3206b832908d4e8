/**
 * zod, configured for the app's Content-Security-Policy (docs/SECURITY.md): no `'unsafe-eval'`, so
 * zod's JIT (new Function) can never run; `jitless` also skips zod's probe for it, which a strict
 * policy reports as a `securitypolicyviolation` even though zod catches the error. Import zod from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
