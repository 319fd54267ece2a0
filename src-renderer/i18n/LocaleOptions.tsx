import { Locale } from '../../src-shared/domain/screen-pop';
import { useT } from './use-t';

/** The four languages as <option>s, each named in its own script. */
export function LocaleOptions() {
  const t = useT();
  return (
    <>
      {Locale.options.map((l) => (
        <option key={l} value={l}>
          {t(`locale.${l}`)}
        </option>
      ))}
    </>
  );
}
