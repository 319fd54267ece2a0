import { useEffect } from 'react';
import { CallBar } from '../features/call-bar';
import { ScreenPopPanel } from '../features/screen-pop';
import { connectWorkspace, useWorkspace } from '../features/softphone';
import { useT } from '../i18n/use-t';

function ErrorBanner() {
  const t = useT();
  const error = useWorkspace((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error">
      {error.code === 'UNAVAILABLE' ? t('error.UNAVAILABLE', { message: error.message }) : t('error.generic', { message: error.message })}
    </div>
  );
}

export function App() {
  const locale = useWorkspace((s) => s.locale);
  useEffect(() => connectWorkspace(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="workspace">
      <CallBar />
      <ErrorBanner />
      <main>
        <ScreenPopPanel />
      </main>
    </div>
  );
}
