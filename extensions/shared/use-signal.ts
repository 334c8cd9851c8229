// Shared by both extensions (each bundle carries its own copy): re-render a Preact component when a
// host signal changes, with or without @preact/signals.
import { useEffect, useState } from "preact/hooks";

interface SignalLike<T> {
  readonly value: T;
  subscribe(fn: (value: T) => void): () => void;
}

export function useSignal<T>(signal: SignalLike<T>): T {
  const [value, setValue] = useState(signal.value);
  useEffect(() => {
    // the updater form, so a signal whose value is a function is stored, not called
    setValue(() => signal.value);
    return signal.subscribe((v) => setValue(() => v));
  }, [signal]);
  return value;
}
