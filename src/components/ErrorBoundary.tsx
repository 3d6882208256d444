import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState';

interface Props {
  /** What this boundary guards, already translated, for the title: "The graph failed to render". */
  region: string;
  children: ReactNode;
  /** When this value changes, a caught error is cleared (e.g. another task or subtask was opened). */
  resetKey?: unknown;
  /** Offer the "Back to tasks" link in the fallback. */
  backLink?: boolean;
  /**
   * Offer "Reload" (a fresh page load) instead of "Try again": for errors a re-render cannot fix,
   * such as a page whose code failed to download (React.lazy keeps the failure).
   */
  reload?: boolean;
  /** Heading level of the fallback's title: 1 for a boundary around a whole page. */
  level?: 1 | 2;
}

interface State {
  error: Error | null;
  /** The resetKey of the last render, to notice when it changes. */
  seenKey: unknown;
}

/**
 * Keeps a render error inside one region of the page (header, graph, side panel) so the rest
 * stays usable: never a white screen.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, seenKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.seenKey ? null : { error: null, seenKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Keep the stack findable in the console; the UI shows only the message.
    console.error(`[${this.props.region}]`, error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  private readonly reloadPage = () => window.location.reload();

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <BoundaryFallback
        region={this.props.region}
        error={error}
        onRetry={this.props.reload ? this.reloadPage : this.reset}
        reload={this.props.reload ?? false}
        backLink={this.props.backLink ?? false}
        level={this.props.level ?? 2}
      />
    );
  }
}

function BoundaryFallback(props: { region: string; error: Error; onRetry: () => void; reload: boolean; backLink: boolean; level: 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <ErrorState
      title={t('boundary.title', { region: props.region })}
      message={props.error.message || t('boundary.unknownError')}
      onRetry={props.onRetry}
      retryLabel={props.reload ? t('boundary.reload') : t('boundary.tryAgain')}
      backLink={props.backLink}
      level={props.level}
    />
  );
}
