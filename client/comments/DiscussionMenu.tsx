import { Archive, Bell } from 'lucide-react';
import { useCommentTexts } from './commentTexts';
import { useDiscussion } from './DiscussionContext';

/** Buttons for the page header: "Nytt sedan ditt senaste besök" and the archive. */
export function DiscussionMenu() {
  const t = useCommentTexts();
  const { showWhatsNew, showArchive } = useDiscussion();
  return (
    <div className="discussion-menu">
      <button type="button" className="button" onClick={showWhatsNew}>
        <Bell aria-hidden="true" size={16} /> {t.whatsNew}
      </button>
      <button type="button" className="button button-quiet" onClick={showArchive}>
        <Archive aria-hidden="true" size={16} /> {t.archive}
      </button>
    </div>
  );
}
