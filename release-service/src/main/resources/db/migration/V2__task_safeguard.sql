-- A task's safeguard (JSON): when it pauses by itself on devices' failure reports; null for never.
ALTER TABLE release_task_view ADD COLUMN safeguard text;
