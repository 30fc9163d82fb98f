import type { MethodName } from '../../../preload/contract/index.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../preload/contract/cases.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import fs from 'node:fs';
import { listPlaybookSets, listSlaTables, PLAYBOOK_SETS, saveDraftPlaybookSet, saveDraftSlaTable, SLA_TABLES } from '../case-artefacts.ts';
import {
  addCaseNote,
  assignCaseTo,
  attachToCase,
  bulkAssign,
  caseAttachment,
  caseDetail,
  casesPage,
  caseTimeline,
  caseWorkload,
  mergeCase,
  recordCaseAction,
  setCaseTags,
  splitCaseAlerts,
  tickPlaybookStep,
  transitionCase,
} from '../cases-service.ts';
import type { HandlerTable } from './handler.ts';
import { writeLifecycleStep } from './lifecycle-step.ts';
import { removeUpload } from './uploads.ts';

type CaseMethods = Extract<MethodName, `cases.${string}`>;

/** The case queue and case work: reads on the session's reader, every change behind the session's write lock. */
export const caseHandlers: HandlerTable<CaseMethods> = {
  'cases.list': (core, { view, query }) => casesPage(core.requireSession().ctx, view, query),
  'cases.get': (core, { caseId }) => caseDetail(core.requireSession().ctx, caseId),
  'cases.timeline': (core, { caseId }) => caseTimeline(core.requireSession().ctx, caseId),
  'cases.workload': (core) => caseWorkload(core.requireSession().ctx),
  'cases.assign': (core, { caseId, to }) => {
    const session = core.requireSession();
    return session.write(() => assignCaseTo(session.ctx, caseId, to));
  },
  'cases.bulkAssign': (core, { caseIds, to }) => {
    const session = core.requireSession();
    return session.write(() => bulkAssign(session.ctx, caseIds, to));
  },
  'cases.transition': (core, args) => {
    const session = core.requireSession();
    return session.write(() => transitionCase(session.ctx, args));
  },
  'cases.note': (core, { caseId, markdown }) => {
    const session = core.requireSession();
    return session.write(() => addCaseNote(session.ctx, caseId, markdown));
  },
  'cases.action': (core, { caseId, ...action }) => {
    const session = core.requireSession();
    return session.write(() => recordCaseAction(session.ctx, caseId, action));
  },
  'cases.tickStep': (core, { caseId, alertType, position }) => {
    const session = core.requireSession();
    return session.write(() => tickPlaybookStep(session.ctx, caseId, alertType, position));
  },
  'cases.setTags': (core, { caseId, tags }) => {
    const session = core.requireSession();
    return session.write(() => setCaseTags(session.ctx, caseId, tags));
  },
  'cases.merge': (core, { into, from }) => {
    const session = core.requireSession();
    return session.write(() => mergeCase(session.ctx, into, from));
  },
  'cases.split': (core, { caseId, alertIds, title }) => {
    const session = core.requireSession();
    return session.write(() => splitCaseAlerts(session.ctx, caseId, alertIds, title));
  },
  // The page uploads the file first (uploads.start/append); its bytes are read here and the upload removed either way.
  'cases.attach': (core, { caseId, uploadId, mediaType }) => {
    const session = core.requireSession();
    const upload = session.uploads.take(uploadId);
    try {
      if (upload.bytes > MAX_ATTACHMENT_BYTES) {
        throw new RiskDeskError('INVALID_ARGUMENT', `${upload.name} is larger than the ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB a case keeps.`, { caseId, name: upload.name, field: 'file' });
      }
      const content = fs.readFileSync(upload.file);
      return session.write(() => attachToCase(session.ctx, caseId, { name: upload.name, mediaType, content }));
    } finally {
      removeUpload(upload);
    }
  },
  'cases.attachment': async (core, { caseId, attachmentId }) => {
    const session = core.requireSession();
    const { content, ...file } = await session.write(() => caseAttachment(session.ctx, caseId, attachmentId));
    return { ...file, contentBase64: content.toString('base64') };
  },
  'cases.slaTables': (core) => listSlaTables(core.requireSession().ctx),
  'cases.saveSlaTableDraft': (core, { document, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftSlaTable(session.ctx, document, note));
  },
  'cases.submitSlaTable': (core, { version }) => writeLifecycleStep(core, SLA_TABLES, 'submit', version),
  'cases.approveSlaTable': (core, { version, comment }) => writeLifecycleStep(core, SLA_TABLES, 'approve', version, comment),
  'cases.rejectSlaTable': (core, { version, reason }) => writeLifecycleStep(core, SLA_TABLES, 'reject', version, reason),
  'cases.activateSlaTable': (core, { version, comment }) => writeLifecycleStep(core, SLA_TABLES, 'activate', version, comment),
  'cases.playbookSets': (core) => listPlaybookSets(core.requireSession().ctx),
  'cases.savePlaybookDraft': (core, { document, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftPlaybookSet(session.ctx, document, note));
  },
  'cases.submitPlaybookSet': (core, { version }) => writeLifecycleStep(core, PLAYBOOK_SETS, 'submit', version),
  'cases.approvePlaybookSet': (core, { version, comment }) => writeLifecycleStep(core, PLAYBOOK_SETS, 'approve', version, comment),
  'cases.rejectPlaybookSet': (core, { version, reason }) => writeLifecycleStep(core, PLAYBOOK_SETS, 'reject', version, reason),
  'cases.activatePlaybookSet': (core, { version, comment }) => writeLifecycleStep(core, PLAYBOOK_SETS, 'activate', version, comment),
};
