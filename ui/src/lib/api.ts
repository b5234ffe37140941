// Typed wrappers over the app's IPC commands. Types come from ui/src/bindings (generated from
// the Rust types by ts-rs; never edit them by hand).
import { Channel, invoke } from '@tauri-apps/api/core';
import type { Progress } from '../bindings/Progress';
import type { WorkingPatternDraft } from '../bindings/WorkingPatternDraft';
import type { MeetingEdit } from '../bindings/MeetingEdit';
import type { MeetingEditor } from '../bindings/MeetingEditor';
import type { ChildDetail } from '../bindings/ChildDetail';
import type { EventDraft } from '../bindings/EventDraft';
import type { ChildDraft } from '../bindings/ChildDraft';
import type { ChildEdit } from '../bindings/ChildEdit';
import type { EpisodeDraft } from '../bindings/EpisodeDraft';
import type { EpisodeId } from '../bindings/EpisodeId';
import type { PersonDraft } from '../bindings/PersonDraft';
import type { NetworkRole } from '../bindings/NetworkRole';
import type { EventView } from '../bindings/EventView';
import type { EventId } from '../bindings/EventId';
import type { ChildId } from '../bindings/ChildId';
import type { ChildSummary } from '../bindings/ChildSummary';
import type { Conflict } from '../bindings/Conflict';
import type { DashboardView } from '../bindings/DashboardView';
import type { OutcomeToRecord } from '../bindings/OutcomeToRecord';
import type { MeetingDraft } from '../bindings/MeetingDraft';
import type { MeetingId } from '../bindings/MeetingId';
import type { SavedPdf } from '../bindings/SavedPdf';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import type { SlotQuery } from '../bindings/SlotQuery';
import type { SlotResult } from '../bindings/SlotResult';
import type { StoreStatus } from '../bindings/StoreStatus';
import type { UiError } from '../bindings/UiError';
import type { WhatIf } from '../bindings/WhatIf';
import type { OutcomeForm } from '../bindings/OutcomeForm';
import type { OutcomeInput } from '../bindings/OutcomeInput';
import type { Proposal } from '../bindings/Proposal';
import type { KpiPoint } from '../bindings/KpiPoint';
import type { ChangeView } from '../bindings/ChangeView';
import type { Kpi } from '../bindings/Kpi';
import type { Named } from '../bindings/Named';
import type { PersonView } from '../bindings/PersonView';
import type { PersonId } from '../bindings/PersonId';
import type { BusyBlock } from '../bindings/BusyBlock';
import type { BusyDraft } from '../bindings/BusyDraft';
import type { BusyId } from '../bindings/BusyId';
import type { Agenda } from '../bindings/Agenda';
import type { Caseloads } from '../bindings/Caseloads';
import type { CaseloadLimits } from '../bindings/CaseloadLimits';
import type { CaseloadSnapshot } from '../bindings/CaseloadSnapshot';
import type { TemplateView } from '../bindings/TemplateView';
import type { Variant } from '../bindings/Variant';
import type { MeetingKind } from '../bindings/MeetingKind';
import type { CalendarPage } from '../bindings/CalendarPage';
import type { CalendarFilter } from '../bindings/CalendarFilter';
import type { MoveCheck } from '../bindings/MoveCheck';
import type { SettingsView } from '../bindings/SettingsView';
import type { BackupView } from '../bindings/BackupView';
import type { Venue } from '../bindings/Venue';
import type { VenueDraft } from '../bindings/VenueDraft';
import type { AgencyView } from '../bindings/AgencyView';
import type { AgencyDraft } from '../bindings/AgencyDraft';
import type { AgencyId } from '../bindings/AgencyId';
import type { TeamDraft } from '../bindings/TeamDraft';
import type { TeamId } from '../bindings/TeamId';
import type { SettingsChange } from '../bindings/SettingsChange';

/** Every command rejects with a UiError; anything else becomes one. */
export function asUiError(e: unknown): UiError {
  if (e && typeof e === 'object' && 'message' in e && 'kind' in e) {
    return e as UiError;
  }
  return { kind: 'internal', message: typeof e === 'string' ? e : 'Something went wrong.' };
}

/** A channel the command reports its steps on (long work: demo, backup, restore). */
function progressChannel(on?: (p: Progress) => void): Channel<Progress> {
  const c = new Channel<Progress>();
  if (on) c.onmessage = on;
  return c;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asUiError(e);
  }
}

export const api = {
  storeStatus: () => call<StoreStatus>('store_status'),
  firstScreenDrawn: () => call<null>('first_screen_drawn'),
  pageZoom: () => call<number>('page_zoom'),
  setPageZoom: (level: number) => call<number>('set_page_zoom', { level }),
  loadDemo: (onProgress?: (p: Progress) => void) => call<StoreStatus>('load_demo', { onProgress: progressChannel(onProgress) }),
  listChildren: () => call<ChildSummary[]>('list_children'),
  upcomingMeetings: (days: number) => call<MeetingSummary[]>('upcoming_meetings', { days }),
  outcomesToRecord: () => call<OutcomeToRecord[]>('outcomes_to_record'),
  dashboard: () => call<DashboardView>('dashboard'),
  childDetail: (id: ChildId) => call<ChildDetail>('child_detail', { id }),
  suggestSlots: (query: SlotQuery) => call<SlotResult>('suggest_slots', { query }),
  saveMeeting: (draft: MeetingDraft) => call<SaveOutcome>('save_meeting', { draft }),
  whatIf: (meeting: MeetingId, date: string) => call<WhatIf>('what_if', { meeting, date }),
  listConflicts: (days: number) => call<Conflict[]>('list_conflicts', { days }),
  restoreLatestBackup: (passphrase: string | null) => call<StoreStatus>('restore_latest_backup', { passphrase }),
  unlock: (passphrase: string) => call<StoreStatus>('unlock', { passphrase }),
  childHistory: (id: ChildId) => call<ChangeView[]>('child_history', { id }),
  kpis: (from: string | null, to: string | null, team: string | null) => call<Kpi[]>('kpis', { from, to, team }),
  listTeams: () => call<Named[]>('list_teams'),
  directory: () => call<AgencyView[]>('directory'),
  saveAgency: (id: AgencyId | null, draft: AgencyDraft) => call<AgencyId>('save_agency', { id, draft }),
  saveTeam: (id: TeamId | null, draft: TeamDraft) => call<TeamId>('save_team', { id, draft }),
  startEmpty: (name: string) => call<StoreStatus>('start_empty', { name }),
  agenda: (meeting: MeetingId, variant: Variant) => call<Agenda>('agenda', { meeting, variant }),
  /** Asks where to save and writes the meeting's invitation (.ics); null when the user cancels. */
  saveInvitation: (meeting: MeetingId) => call<string | null>('save_invitation', { meeting }),
  kpiTrend: (team: string | null) => call<KpiPoint[]>('kpi_trend', { team }),
  kpiByTeam: () => call<KpiPoint[]>('kpi_by_team'),
  outcomeForm: (meeting: MeetingId) => call<OutcomeForm>('outcome_form', { meeting }),
  recordOutcome: (input: OutcomeInput) => call<Proposal[]>('record_outcome', { input }),
  nextMeetings: (meeting: MeetingId) => call<Proposal[]>('next_meetings', { meeting }),
  saveAgendaPdf: (meeting: MeetingId, variant: Variant) => call<SavedPdf | null>('save_agenda_pdf', { meeting, variant }),
  caseloads: () => call<Caseloads>('caseloads'),
  caseloadLimits: () => call<CaseloadLimits>('caseload_limits'),
  saveCaseloadLimits: (limits: CaseloadLimits) => call<CaseloadLimits>('save_caseload_limits', { limits }),
  caseloadHistory: (days: number) => call<CaseloadSnapshot[]>('caseload_history', { days }),
  agendaTemplates: () => call<TemplateView[]>('agenda_templates'),
  /** `items` null resets the template to its default. */
  saveAgendaTemplate: (kind: MeetingKind, variant: Variant, items: string[] | null) =>
    call<TemplateView[]>('save_agenda_template', { kind, variant, items }),
  listPeople: () => call<PersonView[]>('list_people'),
  personBusy: (person: PersonId) => call<BusyBlock[]>('person_busy', { person }),
  addBusy: (draft: BusyDraft) => call<BusyBlock>('add_busy', { draft }),
  removeBusy: (id: BusyId) => call<null>('remove_busy', { id }),
  recordEvent: (draft: EventDraft) => call<EventView>('record_event', { draft }),
  addChild: (draft: ChildDraft) => call<ChildId>('add_child', { draft }),
  /** What recording the birth leaves to do, in sentences (a pre-birth conference still planned). */
  recordBirth: (id: ChildId, date: string) => call<string[]>('record_birth', { id, date }),
  editChild: (id: ChildId, edit: ChildEdit) => call<null>('edit_child', { id, edit }),
  startEpisode: (draft: EpisodeDraft) => call<null>('start_episode', { draft }),
  endEpisode: (id: EpisodeId, end: string) => call<null>('end_episode', { id, end }),
  removeEpisode: (id: EpisodeId) => call<null>('remove_episode', { id }),
  addPerson: (draft: PersonDraft) => call<PersonId>('add_person', { draft }),
  changePerson: (id: PersonId, draft: PersonDraft) => call<null>('change_person', { id, draft }),
  recordLeaving: (id: PersonId, lastDay: string | null) => call<null>('record_leaving', { id, lastDay }),
  changeSiblings: (child: ChildId, sibling: ChildId, linked: boolean) => call<null>('change_siblings', { child, sibling, linked }),
  changeNetwork: (child: ChildId, person: PersonId, role: NetworkRole, linked: boolean) =>
    call<null>('change_network', { child, person, role, linked }),
  allocateChild: (id: ChildId, socialWorker: PersonId | null) => call<null>('allocate_child', { id, socialWorker }),
  listSocialWorkers: () => call<Named[]>('list_social_workers'),
  removeEvent: (id: EventId) => call<null>('remove_event', { id }),
  importCalendar: (person: PersonId, ics: string) => call<number>('import_calendar', { person, ics }),
  /** Meetings of days `from..=to`, at most `perDay` a day, with counts of the rest. */
  calendarEntries: (from: string, to: string, filter: CalendarFilter, perDay: number) =>
    call<CalendarPage>('calendar_entries', { from, to, filter, perDay }),
  /** What moving a planned meeting to `start` (UK wall clock) would do; nothing is saved. */
  checkMove: (meeting: MeetingId, start: string) => call<MoveCheck>('check_move', { meeting, start }),
  moveMeeting: (meeting: MeetingId, start: string, reason: string, overrideReason: string | null) =>
    call<SaveOutcome>('move_meeting', { meeting, start, reason, overrideReason }),
  /** A planned meeting's invitees, reports received, place and what is due before it. */
  meetingEditor: (meeting: MeetingId) => call<MeetingEditor>('meeting_editor', { meeting }),
  /** Save a planned meeting's invitees, reports and place (clashes refused unless overridden). */
  editMeeting: (edit: MeetingEdit) => call<SaveOutcome>('edit_meeting', { edit }),
  cancelMeeting: (meeting: MeetingId, reason: string) => call<string>('cancel_meeting', { meeting, reason }),
  holdAsIcpc: (meeting: MeetingId, overrideReason: string | null) => call<SaveOutcome>('hold_as_icpc', { meeting, overrideReason }),
  settingsView: () => call<SettingsView>('settings_view'),
  changeSettings: (change: SettingsChange) => call<SettingsView>('change_settings', { change }),
  /** Asks for a GOV.UK bank-holidays file and imports it; null when the user cancels. */
  importHolidays: () => call<string | null>('import_holidays'),
  venues: () => call<Venue[]>('venues'),
  saveVenue: (draft: VenueDraft) => call<Venue[]>('save_venue', { draft }),
  workingPattern: (person: PersonId) => call<WorkingPatternDraft>('working_pattern', { person }),
  saveWorkingPattern: (draft: WorkingPatternDraft) => call<PersonView[]>('save_working_pattern', { draft }),
  listBackups: () => call<BackupView[]>('list_backups'),
  /** Asks where to save and writes a backup; null when the user cancels. */
  backupNow: (onProgress?: (p: Progress) => void) => call<string | null>('backup_now', { onProgress: progressChannel(onProgress) }),
  restoreBackup: (name: string, passphrase: string | null, onProgress?: (p: Progress) => void) =>
    call<StoreStatus>('restore_backup', { name, passphrase, onProgress: progressChannel(onProgress) }),
  /** Asks for a backup file and restores it; null when the user cancels. */
  restoreBackupFile: (passphrase: string | null, onProgress?: (p: Progress) => void) =>
    call<StoreStatus | null>('restore_backup_file', { passphrase, onProgress: progressChannel(onProgress) }),
};
