import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the route) clears a shown error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

/** Keeps one failing view from taking down the whole window; offers a retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('View crashed:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <ErrorPanel error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}

function ErrorPanel({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section role="alert" className="error-panel" aria-labelledby="error-title">
      <h1 id="error-title">{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <pre>{error.message}</pre>
      </details>
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </section>
  );
}
