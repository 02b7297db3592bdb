// Two versions of a document side by side in one column: every section of the newer version in its order, each
// removed one where it stood, and for a changed one the server's word-level diff inline (inserted and deleted runs,
// each also named in words for screen readers, which do not announce <ins> and <del>). The versions are in the URL.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { queries } from '../api/queries';
import type { DocumentVersionSummary, SectionDiff, TextRun } from '../generated/openapi';
import { SelectField } from '../components/Field';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserParagraphs } from '../components/UserText';
import { useI18n } from '../i18n';
import { documentPath } from './paths';

const versionParam = (value: string | null) => (value && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null);

export function CompareVersions() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const document = useQuery(queries.document(id));
  const versions = useQuery(queries.documentVersions(id));
  if (document.isPending || versions.isPending) return <Page title={t('document.compareTitle')}><Loading /></Page>;
  if (document.error || versions.error) return <Page title={t('document.compareTitle')}><ErrorMessage error={document.error ?? versions.error} /></Page>;

  const latest = versions.data.length;
  // Without a choice in the address: the latest version against the one before it.
  const to = versionParam(params.get('to')) ?? latest;
  const from = versionParam(params.get('from')) ?? Math.max(1, to - 1);
  return (
    <Page title={t('document.compareOf', { title: document.data.title })}>
      <p><Link to={documentPath(id)}>{t('document.backToDocument')}</Link></p>
      {latest < 2 ? <p>{t('document.compareNeedsTwo')}</p> : (
        <>
          <ChooseVersions key={`${from}-${to}`} versions={versions.data} from={from} to={to}
            onChoose={(f, t2) => setParams(new URLSearchParams({ from: String(f), to: String(t2) }))} />
          {from === to ? <p>{t('document.compareSame')}</p> : <Differences documentId={id} from={from} to={to} />}
        </>
      )}
    </Page>
  );
}

function ChooseVersions({ versions, from, to, onChoose }: {
  versions: DocumentVersionSummary[]; from: number; to: number; onChoose(from: number, to: number): void;
}) {
  const { t, formatDate } = useI18n();
  const [choice, setChoice] = useState({ from, to });
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>{t('document.versionNumber', { number: v.number })} · {formatDate(v.at, true)}</option>
  ));
  return (
    <form className="filters" aria-label={t('document.chooseVersions')} onSubmit={(e) => { e.preventDefault(); onChoose(choice.from, choice.to); }}>
      <div className="filter-grid">
        <SelectField label={t('document.compareFrom')} name="from" value={choice.from} onChange={(e) => setChoice({ ...choice, from: Number(e.target.value) })}>{options}</SelectField>
        <SelectField label={t('document.compareTo')} name="to" value={choice.to} onChange={(e) => setChoice({ ...choice, to: Number(e.target.value) })}>{options}</SelectField>
      </div>
      <div className="actions"><button type="submit" className="primary">{t('document.compareButton')}</button></div>
    </form>
  );
}

function Differences({ documentId, from, to }: { documentId: string; from: number; to: number }) {
  const { t } = useI18n();
  const diff = useQuery(queries.compareVersions(documentId, from, to));
  if (diff.isPending) return <Loading />;
  if (diff.error) return <ErrorMessage error={diff.error} />;
  const d = diff.data;
  return (
    <section aria-labelledby="differences">
      <h2 id="differences">{t('document.compareHeading', { from: d.fromVersion, to: d.toVersion })}</h2>
      <p role="status">{t('document.compareSummary', { added: d.added, removed: d.removed, changed: d.changed, unchanged: d.unchanged })}</p>
      {d.sections.map((s, i) => <SectionChange key={`${s.change}-${s.sectionId}`} section={s} index={i} />)}
    </section>
  );
}

function SectionChange({ section: s, index }: { section: SectionDiff; index: number }) {
  const { t } = useI18n();
  const headingId = `diff-${index}`;
  const heading = s.heading || t('document.untitledSection');
  return (
    <section aria-labelledby={headingId} className={`document-section diff-${s.change}`}>
      <h3 id={headingId}>
        <span dir="auto">{heading}</span> <span className="diff-badge">{t(`document.change.${s.change}`)}</span>
      </h3>
      {s.previousLevel !== null && <p className="muted">{t('document.levelMoved', { from: s.previousLevel, to: s.level })}</p>}
      {s.change === 'changed' && s.runs ? <Runs runs={s.runs} />
        : s.change === 'unchanged' ? (
          <details><summary>{t('document.showUnchanged')}</summary><UserParagraphs text={s.text} /></details>
        ) : <div className={s.change === 'removed' ? 'diff-removed-text' : undefined}><UserParagraphs text={s.text} /></div>}
    </section>
  );
}

/** The older text turned into the newer one; whitespace and line breaks kept as written. */
function Runs({ runs }: { runs: TextRun[] }) {
  const { t } = useI18n();
  return (
    <p className="diff-runs" dir="auto">
      {runs.map((run, i) => run.kind === 'inserted' ? (
        <ins key={i}><span className="visually-hidden">{t('document.insertedStart')}</span>{run.text}<span className="visually-hidden">{t('document.insertedEnd')}</span></ins>
      ) : run.kind === 'deleted' ? (
        <del key={i}><span className="visually-hidden">{t('document.deletedStart')}</span>{run.text}<span className="visually-hidden">{t('document.deletedEnd')}</span></del>
      ) : <span key={i}>{run.text}</span>)}
    </p>
  );
}

export default CompareVersions;
