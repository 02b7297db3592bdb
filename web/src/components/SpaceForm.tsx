import { useI18n } from '../i18n';
import { visibilities, type Visibility } from '../api/types';
import { SelectField } from './Field';

/** The visibility choice every create form shares, explained by its option texts. */
export function VisibilitySelect({ value, onChange, errors }: {
  value: Visibility;
  onChange(v: Visibility): void;
  errors?: Readonly<Record<string, string[]>>;
}) {
  const { t } = useI18n();
  return (
    <SelectField label={t('form.visibility')} name="visibility" value={value} errors={errors}
      onChange={(e) => onChange(e.target.value as Visibility)}>
      {visibilities.map((v) => <option key={v} value={v}>{t(`visibility.${v}`)}</option>)}
    </SelectField>
  );
}
