// Named people, a document and a feedback round for the document screens' tests.
import userEvent from '@testing-library/user-event';
import type {
  CommentThread, CommentView, DocumentComment, DocumentSummary, DocumentVersionSummary, DocumentView, FeedbackRoundDetails, MyFeedbackRound, RoundReport,
} from '../generated/openapi';

export const people = {
  drafter: '00000000-0000-7000-8000-0000000000d1',
  commenter: '00000000-0000-7000-8000-0000000000d2',
};

export const documentId = '00000000-0000-7000-8000-00000000d0c0';
export const roundId = '00000000-0000-7000-8000-00000000f0f0';
export const groupId = '00000000-0000-7000-8000-0000000000e1';

export const sections = [
  { sectionId: 'introduction', level: 1, heading: 'Introduction', text: 'The plan covers **five** years. <script>alert(1)</script>' },
  { sectionId: 'water', level: 2, heading: 'Water', text: 'Every village gets a well.' },
];

export const round = (patch: Partial<FeedbackRoundDetails> = {}): FeedbackRoundDetails => ({
  roundId, documentId, documentTitle: 'National action plan', version: 2, title: 'Consultation on the draft', instructions: 'Comment chapter by chapter.',
  deadline: '2026-03-01T17:00:00Z', status: 'open', openedAt: '2026-02-01T09:00:00Z', closedAt: null,
  groups: [{ space: { kind: 'working-group', id: groupId }, name: 'Water subgroup', sectionIds: ['water'] }],
  yourGroups: [{ kind: 'working-group', id: groupId }], sections, canManage: false, ...patch,
});

export const myRound = (patch: Partial<MyFeedbackRound> = {}): MyFeedbackRound => ({
  roundId, documentId, version: 2, title: 'Consultation on the draft', deadline: '2026-03-01T17:00:00Z',
  group: { kind: 'working-group', id: groupId }, groupName: 'Water subgroup', sectionIds: ['water'], ...patch,
});

export const comment = (patch: Partial<DocumentComment> = {}, view: Partial<Omit<CommentView, 'comment'>> = {}): CommentView => ({
  comment: {
    commentId: '00000000-0000-7000-8000-0000000c0001', documentId, version: 2, sectionId: 'water', quote: null, parentId: null,
    authorPersonId: people.commenter, organisationId: null, roundId, text: 'Wells need upkeep money too.', status: 'open',
    at: '2026-02-02T10:00:00Z', response: null, group: { kind: 'working-group', id: groupId }, sequence: 1, ...patch,
  },
  authorName: 'Nadia Benali', organisationName: 'Red de la Tierra', mark: 'unchanged', responderName: null, ...view,
});

export const thread = (first: CommentView = comment(), replies: CommentView[] = []): CommentThread => ({ comment: first, replies });

export const report = (patch: Partial<RoundReport> = {}): RoundReport => ({
  roundId, documentId, documentTitle: 'National action plan', version: 2, title: 'Consultation on the draft', status: 'closed',
  deadline: '2026-03-01T17:00:00Z', groups: round().groups,
  sections: [
    { sectionId: 'introduction', level: 1, heading: 'Introduction', threads: [] },
    { sectionId: 'water', level: 2, heading: 'Water', threads: [thread()] },
  ],
  ...patch,
});

export const version = (patch: Partial<DocumentVersionSummary> = {}): DocumentVersionSummary => ({
  number: 1, source: 'markdown', fileName: 'plan.md', contentType: 'text/markdown', size: 1234,
  sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12', authorPersonId: people.drafter,
  at: '2026-01-10T10:00:00Z', changeNote: null, sectionCount: 2, ...patch,
});

export const document = (patch: Partial<DocumentView> = {}): DocumentView => ({
  documentId, space: { kind: 'working-group', id: groupId }, title: 'National action plan', description: 'The draft plan for 2027–2031.',
  tags: ['water', 'plan'], language: 'en', status: 'under-consultation', version: 4, createdBy: people.drafter,
  createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-12T10:00:00Z', latest: version({ number: 2, fileName: 'plan.docx' }),
  canComment: true, canManage: false, ...patch,
});

export const summary = (patch: Partial<DocumentSummary> = {}): DocumentSummary => ({
  documentId, space: { kind: 'working-group', id: groupId }, title: 'National action plan', description: null, tags: ['water', 'plan'],
  language: 'en', status: 'under-consultation', latestVersion: 2, updatedAt: '2026-01-12T10:00:00Z', ...patch,
});

/** Replaces a field's text in one input event: typing key by key is slow on a busy machine, and not what is tested. */
export async function fill(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  if (text) {
    await userEvent.click(field);
    await userEvent.paste(text);
  }
}
