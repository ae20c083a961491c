import type { ImportPreview } from '../../shared/import/importPreview';
import { importWarningText, whereIn } from '../../shared/import/importTexts';
import { useImportTexts } from './importTexts';

/** The plan as the file was read: every direction and action, unknown names and warnings, each with where in the file. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const t = useImportTexts();
  const where = (w: Parameters<typeof whereIn>[1]) => whereIn(t.lang, w);
  return (
    <section className="import-preview" aria-label={t.read}>
      <p className="import-summary">{t.summary(t.formats[preview.format], preview.directions.length, preview.itemCount)}</p>
      {preview.directions.map((d, k) => (
        <details key={k} className="import-direction" open={preview.directions.length <= 3}>
          <summary>
            {d.title || t.none} <span className="field-hint">({t.itemsIn(d.items.length)})</span>
          </summary>
          <div className="import-table-wrap">
            <table className="import-table">
              <thead>
                <tr>
                  <th scope="col">{t.columns.where}</th>
                  <th scope="col">{t.columns.activity}</th>
                  <th scope="col">{t.columns.status}</th>
                  <th scope="col">{t.columns.statusText}</th>
                  <th scope="col">{t.columns.priority}</th>
                  <th scope="col">{t.columns.who}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((item, i) => (
                  <tr key={i}>
                    <td className="import-where">{where(item.where)}</td>
                    <td>{item.activity || t.none}</td>
                    <td>{t.statuses[item.status]}</td>
                    <td>{item.statusNote || t.none}</td>
                    <td>{item.priority ?? t.none}</td>
                    <td>{item.who.join(', ') || t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      <h3>{t.unknownParties}</h3>
      {preview.unknownParties.length === 0 ? (
        <p className="field-hint">{t.noUnknownParties}</p>
      ) : (
        <ul className="import-list">
          {preview.unknownParties.map((p) => (
            <li key={p.name}>
              {p.name} <span className="field-hint">({p.where.map(where).join('; ')})</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t.warnings}</h3>
      {preview.warnings.length === 0 ? (
        <p className="field-hint">{t.noWarnings}</p>
      ) : (
        <ul className="import-list import-warnings">
          {preview.warnings.map((w, k) => (
            <li key={k}>
              {w.where && <span className="import-where">{where(w.where)}: </span>}
              {importWarningText(t.lang, w)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
