import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { currentUser, requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import { ImportError } from '../../shared/import/ImportError';
import { importPreview } from '../../shared/import/importPreview';
import { importErrorText } from '../../shared/import/importTexts';
import { MAX_IMPORT_BYTES } from '../import/readPlanFile';
import { readPlanFileInWorker } from '../import/readPlanFileInWorker';
import { MeetingError } from '../meetings/MeetingError';
import type { PlanImports } from '../plans/PlanImports';

// Plans from files, for the secretariat, mounted at /api. Each request carries the file
// (multipart form data, field "file"); nothing is kept between them, so the preview
// writes nothing and the choice after it sends the file again.
//   POST /imports/preview           { file }                                  -> { preview }
//   POST /imports/plans             { file, year?, title?, version?, meetingText? } -> 201 { plan }
//   POST /plans/:planId/import      { file }                                  -> { before, plan }
// A file that cannot be read is answered 422 { error: { code: 'IMPORT_REFUSED', message,
// importCode, where, params } }, the message in Swedish; a year that has a plan 409.

/** The file's bytes and the form's other fields. */
async function readForm(c: Context): Promise<{ bytes: Uint8Array; name: string; fields: Record<string, string> }> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw new MeetingError('INVALID_INPUT', 'Begäran ska vara ett formulär med filen i fältet ”file”.');
  }
  const file = form.file;
  if (!(file instanceof File)) throw new MeetingError('INVALID_INPUT', 'Välj en fil att importera.');
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === 'string') fields[key] = value;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200), fields };
}

const refused = (c: Context, err: ImportError) =>
  c.json({ error: { code: 'IMPORT_REFUSED', message: importErrorText('sv', err), importCode: err.code, where: err.where, params: err.params } }, 422);

export function importRoutes(imports: PlanImports) {
  const app = new Hono<AuthEnv>();
  app.onError((err, c) => {
    if (err instanceof ImportError) return refused(c, err);
    throw err;
  });
  // A file of the largest size read, with room for the form around it.
  const limit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES + 64 * 1024,
    onError: (c) => refused(c, new ImportError('TOO_LARGE', null, 'the file is too large', { size: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES })),
  });
  const noStore = createMiddleware(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const guard = [noStore, requireCapability('plans.import'), limit] as const;
  const year = (value: string | undefined) => (value === undefined || value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : value);

  app.post('/imports/preview', ...guard, async (c) => {
    const { bytes } = await readForm(c);
    return c.json({ preview: importPreview(await readPlanFileInWorker(bytes)) });
  });

  app.post('/imports/plans', ...guard, async (c) => {
    const { bytes, fields } = await readForm(c);
    const result = await readPlanFileInWorker(bytes);
    const plan = await imports.create(currentUser(c), result, { year: year(fields.year), title: fields.title, version: fields.version, meetingText: fields.meetingText });
    return c.json({ plan }, 201);
  });

  app.post('/plans/:planId/import', ...guard, async (c) => {
    const { bytes, name } = await readForm(c);
    const result = await readPlanFileInWorker(bytes);
    return c.json(await imports.replace(currentUser(c), c.req.param('planId'), result, name));
  });

  return app;
}

/** The paths above, which take a file larger than the rest of the API's limit. */
export const isImportPath = (path: string) => path.startsWith('/api/imports/') || /^\/api\/plans\/[^/]+\/import$/.test(path);
