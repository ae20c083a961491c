import { MessageSquare } from 'lucide-react';
import { useContext, useId, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { itemHow, planItems, type DirectionView, type ItemView } from '../../shared/plan/schema';
import { DiscussionContext } from '../comments/DiscussionContext';
import { useCommentTexts } from '../comments/commentTexts';
import { Modal } from '../dialog/Modal';
import { RichTextView } from '../editor/RichTextView';
import { ItemHistory } from '../history/ItemHistory';
import { useI18n } from '../i18n/I18nProvider';
import { useViewingItem } from '../viewers/useViewingItem';
import './itemDetails.css';

interface Props {
  doc: Y.Doc;
  planId: string;
  directions: DirectionView[];
  /** The item as it is now (kept live), or null when it was deleted meanwhile. */
  item: ItemView | null;
  /** The item as it was when opened, for the title once it is gone. */
  opened: ItemView;
  onClose: () => void;
}

/**
 * A card's details for people who may read the plan but not change it: every field as
 * text, the whole Hur, the way into its comments and its recent history. Nothing in
 * it can be edited; the server would drop such changes anyway.
 */
export default function ItemDetails({ doc, planId, directions, item, opened, onClose }: Props) {
  const { t } = useI18n();
  const comments = useCommentTexts();
  const discussion = useContext(DiscussionContext);
  const id = useId();
  const [how] = useState(() => itemHow(planItems(doc).get(opened.id)!));
  useViewingItem(opened.id);
  const shown = item ?? opened;
  const none = t.details.none;
  const stats = discussion?.stats.get(shown.id) ?? { count: 0, unread: 0 };

  const field = (label: string, value: ReactNode) => (
    <div className="item-details-field">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <Modal title={shown.activity || t.details.untitled} onClose={onClose} className="item-details-dialog">
      <div className="item-details">
        {!item && (
          <p className="form-error" role="alert">
            {t.dialog.goneWhileEditing}
          </p>
        )}
        <dl>
          <div className="item-details-field item-details-how">
            <dt id={`${id}-how`}>{t.fields.how}</dt>
            <dd>
              <RichTextView fragment={how} labelledBy={`${id}-how`} empty={none} />
            </dd>
          </div>
          {field(
            t.fields.who,
            shown.who.length > 0 ? (
              <ul className="chips">
                {shown.who.map((name) => (
                  <li key={name} className="chip">
                    {name}
                  </li>
                ))}
              </ul>
            ) : (
              none
            ),
          )}
          {field(t.fields.when, shown.when || none)}
          {field(t.fields.direction, directions.find((d) => d.id === shown.directionId)?.title ?? none)}
          {field(t.fields.status, t.statuses[shown.status])}
          {field(t.fields.priority, shown.priority === null ? t.noPriority : t.priorityShort(shown.priority))}
          {field(t.fields.statusNote, shown.statusNote || none)}
        </dl>
        {discussion && item && (
          <button
            type="button"
            className="button"
            onClick={() => {
              // The thread panel is a dialog of its own; this one makes way for it.
              onClose();
              discussion.openItem(item.id);
            }}
          >
            <MessageSquare aria-hidden="true" size={16} />
            {comments.badge(shown.activity, stats.count, stats.unread)}
          </button>
        )}
        <ItemHistory planId={planId} itemId={shown.id} />
        <footer className="modal-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t.dialog.close}
          </button>
        </footer>
      </div>
    </Modal>
  );
}
