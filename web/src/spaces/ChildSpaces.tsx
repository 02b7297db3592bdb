import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import { visibilities, type SpaceRef, type SpaceRole, type Visibility } from '../api/types';
import { CheckboxField, FormErrors, TextAreaField, TextField } from '../components/Field';
import { VisibilitySelect } from '../components/SpaceForm';
import { ErrorMessage, Loading } from '../components/Status';
import { useAsync } from '../components/useAsync';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { newId, spacePath } from './paths';
import { limits } from '../generated/errors';

interface Props {
  parent: SpaceRef & { kind: 'organisation' | 'coalition' };
  childKind: 'working-group' | 'forum';
  yourRole: SpaceRole | null;
  visibility: Visibility;
}

/** Working groups or forums inside an organisation or coalition, and a form to start one for those allowed to. */
export function ChildSpaces({ parent, childKind, yourRole, visibility }: Props) {
  const { t } = useI18n();
  const children = useAsync(
    () => (childKind === 'forum' ? api.forums(parent.id) : api.workingGroups(parent.kind, parent.id)),
    `${parent.id}/${childKind}/${yourRole}`,
  );
  // Members may start a working group; only coordinators a forum (the grains decide; this only hides the form).
  const mayCreate = childKind === 'forum' ? yourRole === 'coordinator' : yourRole === 'member' || yourRole === 'coordinator';
  const headingId = `children-${childKind}`;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`kindPlural.${childKind}`)}</h2>
      {children.loading ? <Loading /> : children.error ? <ErrorMessage error={children.error} /> : (
        children.data?.length ? (
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
  const submit = useSubmit();
  // One idempotency key per form: a retried submit after a lost answer cannot create a second space.
  const [key] = useState(newId);
  // A child may not be more visible than its parent; start from the parent's visibility or narrower.
  const narrowest = visibilities.indexOf(parentVisibility);
  const [form, setForm] = useState({ name: '', text: '', visibility: visibilities[Math.max(narrowest, childKind === 'working-group' ? 1 : 0)] });
  // Open to the coalition's member organisations unless private, until the person chooses.
  const [open, setOpen] = useState<boolean | null>(null);
  const openToOrganisations = open ?? form.visibility !== 'private';

  return (
    <details className="create-child">
      <summary>{t(childKind === 'forum' ? 'create.forumTitle' : 'create.workingGroupTitle')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const base = {
            name: form.name.trim(),
            visibility: form.visibility,
            ...(parent.kind === 'coalition' ? { openToMemberOrganisations: openToOrganisations } : {}),
          };
          const text = form.text.trim() || null;
          const created = childKind === 'forum'
            ? await api.createForum(parent.id, { ...base, description: text, themes: null }, key)
            : await api.createWorkingGroup(parent.kind, parent.id, { ...base, purpose: text }, key);
          navigate(spacePath({ kind: childKind, id: created.id }));
        });
      }}>
        <FormErrors error={submit.error} />
        <TextField label={t('form.name')} name="name" required dir="auto" maxLength={limits.nameMaxLength} value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })} errors={submit.fieldErrors} />
        <TextAreaField label={t(childKind === 'forum' ? 'form.description' : 'form.purpose')} name={childKind === 'forum' ? 'description' : 'purpose'} maxLength={limits.descriptionMaxLength}
          value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} errors={submit.fieldErrors} />
        <VisibilitySelect value={form.visibility} onChange={(v) => setForm({ ...form, visibility: v })} errors={submit.fieldErrors} />
        {parent.kind === 'coalition' && (
          <CheckboxField label={t('form.openToMemberOrganisations')} name="openToMemberOrganisations" hint={t('form.openToMemberOrganisationsHint')}
            checked={openToOrganisations} onChange={setOpen} />
        )}
        <button type="submit" className="primary" disabled={submit.busy}>{t('form.create')}</button>
      </form>
    </details>
  );
}
