import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import { visibilityValues as visibilities, type SpaceRef, type SpaceRole, type Visibility } from '../generated/openapi';
import { CheckboxField, fieldErrorsOf, FormErrors, TextAreaField, TextField } from '../components/Field';
import { VisibilitySelect } from '../components/SpaceForm';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';
import { newId, spacePath } from './paths';

interface Props {
  parent: SpaceRef & { kind: 'organisation' | 'coalition' };
  childKind: 'working-group' | 'forum';
  yourRole: SpaceRole | null;
  visibility: Visibility;
}

/** Working groups or forums inside an organisation or coalition, and a form to start one for those allowed to. */
export function ChildSpaces({ parent, childKind, yourRole, visibility }: Props) {
  const { t } = useI18n();
  const children = useQuery(childKind === 'forum' ? queries.forums(parent.id) : queries.workingGroups(parent.kind, parent.id));
  // Members may start a working group; only coordinators a forum (the grains decide; this only hides the form).
  const mayCreate = childKind === 'forum' ? yourRole === 'coordinator' : yourRole === 'member' || yourRole === 'coordinator';
  const headingId = `children-${childKind}`;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`kindPlural.${childKind}`)}</h2>
      {children.isPending ? <Loading /> : children.error ? <ErrorMessage error={children.error} /> : (
        children.data.length ? (
          <ul className="cards">
            {children.data.map((c) => (
              <li key={c.space.id} className="card">
                <Link to={spacePath(c.space)} dir="auto">{c.name}</Link>
                <p className="muted">{t(`visibility.${c.visibility}`)}{c.yourRole && ` · ${t('spaces.yourRole', { role: t(`role.${c.yourRole}`) })}`}</p>
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('space.noChildren')}</p>
      )}
      {mayCreate && <CreateChild parent={parent} childKind={childKind} parentVisibility={visibility} />}
    </section>
  );
}

function CreateChild({ parent, childKind, parentVisibility }: { parent: Props['parent']; childKind: Props['childKind']; parentVisibility: Visibility }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const cache = useQueryClient();
  // One idempotency key per intended space: a retried submit after a lost answer cannot create a second one.
  const [key, setKey] = useState(newId);
  // A child may not be more visible than its parent; start from the parent's visibility or narrower.
  const narrowest = visibilities.indexOf(parentVisibility);
  const [form, setForm] = useState({ name: '', text: '', visibility: visibilities[Math.max(narrowest, childKind === 'working-group' ? 1 : 0)] });
  // Open to the coalition's member organisations unless private, until the person chooses.
  const [open, setOpen] = useState<boolean | null>(null);
  const openToOrganisations = open ?? form.visibility !== 'private';
  const submit = useMutation({
    mutationFn: (): Promise<{ id: string }> => {
      const base = {
        name: form.name.trim(),
        visibility: form.visibility,
        ...(parent.kind === 'coalition' ? { openToMemberOrganisations: openToOrganisations } : {}),
      };
      const text = form.text.trim() || null;
      return childKind === 'forum'
        ? api.createForum(parent.id, { ...base, description: text, themes: null }, key)
        : api.createWorkingGroup(parent.kind, parent.id, { ...base, purpose: text }, key);
    },
    // The parent's list gains the space, and the person (its first coordinator) has a new space of their own.
    onSuccess: async (created) => {
      setKey(newId());
      await Promise.all([
        cache.invalidateQueries({ queryKey: (childKind === 'forum' ? queries.forums(parent.id) : queries.workingGroups(parent.kind, parent.id)).queryKey }),
        cache.invalidateQueries({ queryKey: keys.me }),
      ]);
      navigate(spacePath({ kind: childKind, id: created.id }));
    },
  });
  const errors = fieldErrorsOf(submit.error);

  return (
    <details className="create-child">
      <summary>{t(childKind === 'forum' ? 'create.forumTitle' : 'create.workingGroupTitle')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" maxLength={limits.nameMaxLength} value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })} errors={errors} />
        <TextAreaField label={t(childKind === 'forum' ? 'form.description' : 'form.purpose')} name={childKind === 'forum' ? 'description' : 'purpose'} maxLength={limits.descriptionMaxLength}
          value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} errors={errors} />
        <VisibilitySelect value={form.visibility} onChange={(v) => setForm({ ...form, visibility: v })} errors={errors} />
        {parent.kind === 'coalition' && (
          <CheckboxField label={t('form.openToMemberOrganisations')} name="openToMemberOrganisations" hint={t('form.openToMemberOrganisationsHint')}
            checked={openToOrganisations} onChange={setOpen} />
        )}
        <button type="submit" className="primary" disabled={submit.isPending}>{t('form.create')}</button>
      </form>
    </details>
  );
}
