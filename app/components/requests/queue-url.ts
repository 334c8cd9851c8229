// The queue's state lives in the URL: filters, search, and the keyset cursor with a trail of earlier
// pages' cursors ("-" = first page), so Previous works without OFFSET.
import { useNavigate, useSearchParams } from "@remix-run/react";
import { useCallback } from "react";

export function useQueueUrl(nextCursor: string | null) {
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(",")).filter(Boolean);
  const go = useCallback(
    (mutate: (p: URLSearchParams) => void) => {
      const next = new URLSearchParams(sp);
      mutate(next);
      // any filter change starts from the first page
      if (!next.has("keep")) {
        next.delete("cursor");
        next.delete("prev");
      }
      next.delete("keep");
      navigate(`?${next.toString()}`);
    },
    [sp, navigate],
  );
  const setList = (k: string) => (values: string[]) =>
    go((p) => {
      p.delete(k);
      if (values.length) p.set(k, values.join(","));
    });
  const setText = (k: string, v: string) =>
    go((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
    });
  const prev = sp.get("prev")?.split(",").filter(Boolean) ?? [];
  const onNext = () =>
    go((p) => {
      const cur = p.get("cursor");
      p.set("prev", [...prev, cur ?? "-"].join(","));
      p.set("cursor", nextCursor!);
      p.set("keep", "1");
    });
  const onPrevious = () =>
    go((p) => {
      const trail = [...prev];
      const back = trail.pop();
      if (back && back !== "-") p.set("cursor", back);
      else p.delete("cursor");
      if (trail.length) p.set("prev", trail.join(","));
      else p.delete("prev");
      p.set("keep", "1");
    });
  return { sp, navigate, list, go, setList, setText, onNext, onPrevious, hasPrevious: sp.has("cursor"), hasNext: nextCursor !== null };
}

export type QueueUrl = ReturnType<typeof useQueueUrl>;
