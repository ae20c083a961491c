import { Archive, Bell } from 'lucide-react';
import { useCommentTexts } from './commentTexts';
import { useContext } from 'react';
import { DiscussionContext } from './DiscussionContext';

/** Buttons for the page header: "Nytt sedan ditt senaste besök" and the archive. */
export function DiscussionMenu() {
  const t = useCommentTexts();
  const discussion = useContext(DiscussionContext);
  if (!discussion) return null; // until the discussion is open
  const { showWhatsNew, showArchive } = discussion;
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
