import { useEffect, useRef } from 'react';
import { useNavigate, type NavigateOptions } from '@tanstack/react-router';

/**
 * Navigates once, when first rendered. The router's own <Navigate> navigates
 * again whenever its props object changes, which loops when a parent re-renders
 * on every location change during the navigation it started.
 */
export function Redirect(props: NavigateOptions) {
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void navigate({ ...props, replace: props.replace ?? true });
  });
  return null;
}
