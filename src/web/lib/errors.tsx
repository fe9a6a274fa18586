// Showing API failures: a toast with the server's `detail`, and field errors mapped onto a Mantine form.
import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

export function notifyError(e: unknown, title?: string) {
  const apiErr = e instanceof ApiError ? e : null;
  notifications.show({
    color: 'red',
    title: title ?? apiErr?.problem.title ?? 'Something went wrong',
    message: errorMessage(e),
    autoClose: apiErr?.status === 422 ? 8000 : 6000,
  });
}

export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: 'teal', title, message, autoClose: 3500 });
}

interface FormLike { setFieldError: (path: string, error: string) => void; values?: unknown }

/**
 * Puts `errors[].path` onto the form. `prefix` strips a leading path segment (e.g. "playbook.").
 * Returns the errors that matched no field (to show elsewhere) — all of them when `known` is not given.
 */
export function applyFieldErrors(form: FormLike, e: unknown, opts: { prefix?: string; known?: readonly string[] } = {}) {
  if (!(e instanceof ApiError)) return [];
  const unmatched = [];
  for (const fe of e.fieldErrors) {
    const path = opts.prefix && fe.path.startsWith(opts.prefix) ? fe.path.slice(opts.prefix.length) : fe.path;
    const root = path.split('.')[0];
    if (!opts.known || opts.known.includes(root)) form.setFieldError(opts.known ? root : path, fe.message);
    else unmatched.push(fe);
  }
  return unmatched;
}

/** Moves focus (and the scroll position of a long modal) to the first field marked invalid. */
export function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"], [role="dialog"] [role="alert"]');
    el?.scrollIntoView({ block: 'center' });
    if (el?.matches('input, textarea, select, button')) el.focus({ preventScroll: true });
  });
}

/** Standard onError for form mutations: field errors on fields, the rest as a toast. */
export function handleFormError(form: FormLike, known: readonly string[]) {
  return (e: unknown) => {
    const unmatched = applyFieldErrors(form, e, { known });
    focusFirstInvalid();
    if (e instanceof ApiError && e.isVersionConflict) return; // forms show their own conflict banner
    if (!(e instanceof ApiError) || e.fieldErrors.length === 0 || unmatched.length > 0) notifyError(e);
    else notifyError(e, 'Check the highlighted fields');
  };
}
