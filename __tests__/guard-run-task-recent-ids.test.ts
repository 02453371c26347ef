// The memory of accepted task_result_ids that keeps a retried run task request from being audited twice: it must
// stay bounded in count and in age, or a long-running server would grow without end.
import { RecentIds } from "../guard/run-task/recent-ids";

describe("run-task recent task_result_ids", () => {
  it("remembers an id until it is older than the age bound", () => {
    const ids = new RecentIds(10, 1000);
    ids.add("taskrs-a", 0);
    expect(ids.has("taskrs-a", 999)).toBe(true);
    expect(ids.has("taskrs-b", 999)).toBe(false);
    expect(ids.has("taskrs-a", 1000)).toBe(false);
    expect(ids.size).toBe(0);
  });

  it("keeps at most the count bound, forgetting the oldest first", () => {
    const ids = new RecentIds(3, 60_000);
    for (let i = 0; i < 5; i++) ids.add(`taskrs-${i}`, i);
    expect(ids.size).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => ids.has(`taskrs-${i}`, 10))).toEqual([false, false, true, true, true]);
  });

  it("an id added again counts from its latest time", () => {
    const ids = new RecentIds(10, 1000);
    ids.add("taskrs-a", 0);
    ids.add("taskrs-b", 500);
    ids.add("taskrs-a", 900);
    expect(ids.has("taskrs-b", 1600)).toBe(false);
    expect(ids.has("taskrs-a", 1600)).toBe(true);
  });
});
