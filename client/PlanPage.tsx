import { useEffect, useMemo, useState } from 'react';
import { can } from '../shared/auth/roles';
import { useReleasePrepaint } from './boot/prepaint';
import { useCurrentUser } from './auth/CurrentUser';
import { Board } from './board/Board';
import { DiscussionMenu } from './comments/DiscussionMenu';
import { DiscussionProvider } from './comments/DiscussionProvider';
import { filterItems, NO_FILTER, rowsFilter, type BoardFilter } from './board/filterItems';
import { FilterBar } from './filters/FilterBar';
import { StatusTabs } from './filters/StatusTabs';
import { useAwareness } from './hooks/useAwareness';
import { useConnectionState } from './hooks/useConnectionState';
import { useDirections } from './hooks/useDirections';
import { useItems } from './hooks/useItems';
import { useLocalUser } from './hooks/useLocalUser';
import { usePlanMeta } from './hooks/usePlanMeta';
import { useI18n } from './i18n/I18nProvider';
import { useItemDetails } from './item/useItemDetails';
import { usePlanEditing } from './item/usePlanEditing';
import { usePreloadWhenIdle } from './lazy/usePreloadWhenIdle';
import { ExportButton } from './export/ExportButton';
import { ImportButton } from './import/ImportButton';
import { AppHeader } from './layout/AppHeader';
import { MeetingsLayer } from './meetings/MeetingsLayer';
import { MeetingTools } from './meetings/MeetingTools';
import { OfflineNotice } from './offline/OfflineNotice';
import { RoundsButton } from './rounds/RoundsButton';
import { RoundsPages, useRoundsPageOpen } from './rounds/RoundsPages';
import { ToAnswerBanner } from './rounds/ToAnswerBanner';
import { useConfirmLeavingUnshared } from './offline/useConfirmLeavingUnshared';
import { OFFLINE_VIEWS } from './offline/offlineViews';
import { ConnectionIndicator } from './presence/ConnectionIndicator';
import { NameDialog } from './presence/NameDialog';
import { PresenceList } from './presence/PresenceList';
import { LazyStrategyPage } from './strategy/LazyStrategyPage';
import { StrategyLink } from './strategy/StrategyLink';
import { useStrategyOpen } from './strategy/strategyRoute';
import type { PlanConnection } from './sync/connectPlan';
import { UndoButtons } from './undo/UndoButtons';

interface Props {
  plan: PlanConnection;
  fallbackTitle: string;
  /** Readers who may not change the plan see it live without edit controls (default: from the signed-in role). */
  readOnly?: boolean;
}

/** One plan on the board, with its filters, presence and connection state. */
export function PlanPage({ plan, fallbackTitle, readOnly: readOnlyProp }: Props) {
  const current = useCurrentUser();
  // Hiding edit controls is a courtesy; the server drops a reader's writes anyway.
  const readOnly = readOnlyProp ?? (current !== null && !can(current.me.role, 'plan.write'));
  const { t } = useI18n();
  const { doc } = plan;
  const meta = usePlanMeta(doc);
  const directions = useDirections(doc);
  const items = useItems(doc);
  const connection = useConnectionState(plan.connection);
  const peers = useAwareness(plan.awareness);
  const me = useLocalUser(plan.awareness);
  const [renaming, setRenaming] = useState(false);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const visible = useMemo(() => filterItems(items, filter), [items, filter]);
  const editing = usePlanEditing(doc, plan.planId, directions, items);
  const details = useItemDetails(doc, plan.planId, directions, items);
  const strategyOpen = useStrategyOpen();
  const roundsOpen = useRoundsPageOpen();
  usePreloadWhenIdle(connection.loaded, OFFLINE_VIEWS);
  useReleasePrepaint(connection.loaded && (roundsOpen || strategyOpen));
  useConfirmLeavingUnshared(connection.pending);
  const title = meta.title || fallbackTitle;
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);

  return (
    <DiscussionProvider planId={plan.planId} planDoc={doc}>
      <AppHeader title={title} subtitle={[meta.organisation, meta.version].filter(Boolean).join(' · ')} status={<ConnectionIndicator state={connection} />}>
        {!readOnly && <UndoButtons doc={doc} />}
        <PresenceList peers={peers} onRename={me.signedIn ? undefined : () => setRenaming(true)} />
        <StrategyLink />
        <ExportButton planId={plan.planId} directions={directions.map((d) => d.title)} />
        <ImportButton planId={plan.planId} planTitle={title} />
        <DiscussionMenu />
        <RoundsButton />
        <MeetingTools planId={plan.planId} />
      </AppHeader>
      <main className="plan-main">
        <OfflineNotice state={connection} readOnly={readOnly} />
        <MeetingsLayer planId={plan.planId} planTitle={title} planYear={meta.year} doc={doc} awareness={plan.awareness}>
          {connection.loaded && roundsOpen ? (
            <RoundsPages planDoc={doc} />
          ) : connection.loaded && strategyOpen ? (
            <LazyStrategyPage doc={doc} year={meta.year} readOnly={readOnly} />
          ) : connection.loaded ? (
            <>
              <ToAnswerBanner />
              <FilterBar items={items} shown={visible.length} filter={filter} onChange={setFilter} onClear={() => setFilter(NO_FILTER)} />
              <StatusTabs items={items} filter={filter} onChange={setFilter} />
              <Board
                doc={doc}
                directions={directions}
                items={items}
                visible={visible}
                onlyStatus={filter.status}
                readOnly={readOnly}
                onAdd={editing.onAdd}
                onEdit={editing.onEdit}
                onRemove={editing.onRemove}
                onShowRows={(item) => setFilter(rowsFilter(item))}
                onShowDetails={readOnly ? details.onShowDetails : undefined}
              />
            </>
          ) : (
            <p className="page-message" role="status">
              {t.loadingPlan}
            </p>
          )}
        </MeetingsLayer>
      </main>
      {editing.overlays}
      {details.overlay}
      {renaming && <NameDialog name={me.name} onSave={me.rename} onClose={() => setRenaming(false)} />}
    </DiscussionProvider>
  );
}
