// A document's feedback rounds, and for the drafting team the form that opens one on the latest version: a title,
// a deadline, instructions, and the groups asked (spaces the person belongs to), each on some sections or all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { DocumentSection, RoundGroupRequest, SpaceKind } from '../generated/openapi';
import { CheckboxField, fieldErrorsOf, FormErrors, TextAreaField, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import { roundPath } from './MyFeedbackRounds';

const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function DocumentRounds({ documentId, canManage, version, sections }: {
  documentId: string; canManage: boolean; version: number | null; sections: readonly DocumentSection[];
}) {
  const { t, formatDate } = useI18n();
  const rounds = useQuery(queries.documentRounds(documentId));
  return (
    <section aria-labelledby="rounds">
      <h2 id="rounds">{t('document.rounds')}</h2>
      {rounds.isPending ? <Loading /> : rounds.error ? <ErrorMessage error={rounds.error} /> : rounds.data.length === 0 ? (
        <p className="muted">{t('document.noRounds')}</p>
      ) : (
        <ul className="rows">
          {rounds.data.map((r) => (
            <li key={r.roundId} className="row-item">
              <div>
                <strong><Link to={roundPath(r.roundId)}><UserText text={r.title} /></Link></strong>
                <div className="muted">
                  {t('document.versionNumber', { number: r.version })} · {t(`document.roundStatus.${r.status}`)}
                  {' · '}{t('document.deadline', { date: formatDate(r.deadline, true) })}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage && version !== null && <OpenRound documentId={documentId} version={version} sections={sections} />}
    </section>
  );
}

function OpenRound({ documentId, version, sections }: { documentId: string; version: number; sections: readonly DocumentSection[] }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const navigate = useNavigate();
  const spaces = useQuery(queries.mySpaces());
  const [key] = useState(newId);
  const [form, setForm] = useState(() => ({ title: '', instructions: '', deadline: localInput(new Date(Date.now() + 14 * 86_400_000)) }));
  // Chosen groups by space id, each with the sections asked of it (none: every section).
  const [groups, setGroups] = useState<Record<string, { kind: SpaceKind; sectionIds: string[] }>>({});
  const open = useMutation({
    mutationFn: () => {
      const chosen: RoundGroupRequest[] = Object.entries(groups).map(([spaceId, g]) => ({ kind: g.kind, spaceId, sectionIds: g.sectionIds }));
      return api.openFeedbackRound(documentId, {
        version, title: form.title.trim(), instructions: form.instructions.trim() || null,
        deadline: form.deadline ? new Date(form.deadline).toISOString() : null, groups: chosen,
      }, key);
    },
    onSuccess: async (round) => {
      await cache.invalidateQueries({ queryKey: keys.document(documentId) });
      await navigate(roundPath(round.roundId));
    },
  });
  const errors = fieldErrorsOf(open.error);
  return (
    <details className="create-child">
      <summary>{t('document.openRound')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (!open.isPending) open.mutate();
      }}>
        <FormErrors error={open.error} />
        <p className="muted">{t('document.roundOnVersion', { number: version })}</p>
        <TextField label={t('document.roundTitle')} name="title" required dir="auto" maxLength={200} value={form.title} errors={errors}
          onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <TextField label={t('document.roundDeadline')} name="deadline" type="datetime-local" required value={form.deadline} errors={errors}
          onChange={(e) => setForm({ ...form, deadline: e.target.value })} />
        <TextAreaField label={t('document.roundInstructions')} name="instructions" maxLength={8000} value={form.instructions} errors={errors}
          onChange={(e) => setForm({ ...form, instructions: e.target.value })} />
        <fieldset>
          <legend>{t('document.groups')}</legend>
          {spaces.isPending ? <Loading /> : spaces.error ? <ErrorMessage error={spaces.error} /> : spaces.data.map((s) => {
            const chosen = groups[s.space.id];
            return (
              <div key={s.space.id}>
                <CheckboxField label={s.name} name="groups" checked={!!chosen} onChange={(checked) => {
                  const next = { ...groups };
                  if (checked) next[s.space.id] = { kind: s.space.kind, sectionIds: [] };
                  else delete next[s.space.id];
                  setGroups(next);
                }} />
                {chosen && sections.length > 0 && (
                  <label className="field">
                    {t('document.groupSections', { group: s.name })}
                    <select multiple value={chosen.sectionIds} onChange={(e) => setGroups({
                      ...groups, [s.space.id]: { ...chosen, sectionIds: [...e.target.selectedOptions].map((o) => o.value) },
                    })}>
                      {sections.map((section) => <option key={section.sectionId} value={section.sectionId}>{section.heading || t('document.untitledSection')}</option>)}
                    </select>
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="primary" disabled={open.isPending}>{t('document.openRoundButton')}</button>
      </form>
    </details>
  );
}
