-- The tables behind the entities' element collections had no index on their owner's key: loading
-- one image's labels, or one summary's key points, read the whole table. The event log's reference
-- to its task event gets one too, which a task event's deletion checks.

CREATE INDEX ix_image_label_image ON image_label (image_id);
CREATE INDEX ix_document_key_point_document ON document_key_point (document_id);
CREATE INDEX ix_event_log_task_event ON event_log (task_event_id);
