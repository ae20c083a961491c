import { useState } from 'react';
import type { Role } from '../../shared/auth/roles';
import { AppHeader } from '../layout/AppHeader';
import { useAuthText } from './authText';
import { useCurrentUser } from './CurrentUser';
import { errorText } from './errorText';
import { InviteForm } from './InviteForm';
import { LinkBox } from './LinkBox';
import { PersonRow } from './PersonRow';
import { usePeople, type Person } from './usePeople';
import { PersonDialog } from './PersonDialog';

/** The secretariat's page: who may sign in, in which role, and their sign-in links. */
export function PeoplePage() {
  const text = useAuthText();
  const me = useCurrentUser()?.me;
  const { people, failed, reload, change, invite, newLink } = usePeople();
  const [link, setLink] = useState<{ name: string; url: string; mailed: boolean } | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (name: string, action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      setMessage({ error: false, text: text.saved(name) });
    } catch (err) {
      setMessage({ error: true, text: errorText(err, text) });
      reload();
    }
  };

  return (
    <>
      <AppHeader title={text.peopleTitle} />
      <main className="people-page" id="board">
        <p>
          <a href="#">{text.backToBoard}</a>
        </p>
        <InviteForm invite={invite} onInvited={(name, url, mailed) => setLink({ name, url, mailed })} />
        {link && <LinkBox name={link.name} url={link.url} mailed={link.mailed} onClose={() => setLink(null)} />}
        <div role={message?.error ? 'alert' : 'status'}>{message && <p className={message.error ? 'form-error' : 'auth-notice'}>{message.text}</p>}</div>
        {people === null ? (
          <p role={failed ? 'alert' : 'status'}>{failed ? text.failed : text.loadingPeople}</p>
        ) : (
          <table className="people-table">
            <caption className="sr-only">{text.peopleTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.email}</th>
                <th scope="col">{text.organisation}</th>
                <th scope="col">{text.role}</th>
                <th scope="col">{text.status}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <PersonRow
                  key={p.id}
                  person={p}
                  isSelf={p.id === me?.id}
                  onRole={(role: Role) => run(p.name, () => change(p.id, { role }))}
                  onActive={(active) => run(p.name, () => change(p.id, { active }))}
                  onLink={() =>
                    run(p.name, async () => {
                      const { link: made, mailed } = await newLink(p.id);
                      setLink({ name: p.name, url: made.url, mailed });
                    })
                  }
                  onEdit={() => setEditing(p)}
                />
              ))}
            </tbody>
          </table>
        )}
        {editing && (
          <PersonDialog
            person={editing}
            onSave={async (details) => setMessage({ error: false, text: text.saved((await change(editing.id, details)).name) })}
            onClose={() => setEditing(null)}
          />
        )}
      </main>
    </>
  );
}
