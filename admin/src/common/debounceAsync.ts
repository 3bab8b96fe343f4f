/**
 * Debounces an async function: calls within `wait` ms of each other share one call, made with
 * the last arguments, and all of them resolve with its result (for async form validators).
 */
export const debounceAsync = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, wait: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { resolve: (value: R) => void; reject: (reason: unknown) => void }[] = [];
  return (...args: A) =>
    new Promise<R>((resolve, reject) => {
      clearTimeout(timer);
      waiting.push({ resolve, reject });
      timer = setTimeout(() => {
        const callers = waiting;
        waiting = [];
        fn(...args).then(
          (result) => callers.forEach((c) => c.resolve(result)),
          (error) => callers.forEach((c) => c.reject(error)),
        );
      }, wait);
    });
};
