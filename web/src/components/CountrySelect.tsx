import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { countryCodes } from './countries';
import { SelectField } from './Field';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange(code: string): void;
  /** Text of the empty choice; when absent a country must be chosen. */
  emptyLabel: string;
  required?: boolean;
  errors?: Readonly<Record<string, string[]>>;
}

export function CountrySelect({ label, name, value, onChange, emptyLabel, required, errors }: Props) {
  const { locale, countryName } = useI18n();
  const options = useMemo(
    () => countryCodes.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [countryName, locale],
  );
  return (
    <SelectField label={label} name={name} value={value} required={required} errors={errors}
      onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </SelectField>
  );
}
