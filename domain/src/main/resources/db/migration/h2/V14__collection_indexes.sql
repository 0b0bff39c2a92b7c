-- The tables behind the entities' element collections get an index on their owner's key, and the
-- event log one on its task event. H2 had indexed these columns already, for their foreign keys and
-- under the keys' names: each key is made again on the named index, so that the schema is the one
-- the entities describe, as on PostgreSQL.

ALTER TABLE image_label DROP CONSTRAINT FK_image_label_image_id;
CREATE INDEX ix_image_label_image ON image_label (image_id);
ALTER TABLE image_label ADD CONSTRAINT FK_image_label_image_id FOREIGN KEY (image_id) REFERENCES image_asset (id);

ALTER TABLE document_key_point DROP CONSTRAINT FK_document_key_point_document_id;
CREATE INDEX ix_document_key_point_document ON document_key_point (document_id);
ALTER TABLE document_key_point ADD CONSTRAINT FK_document_key_point_document_id FOREIGN KEY (document_id) REFERENCES document_summary (document_id);

ALTER TABLE event_log DROP CONSTRAINT FK_event_log_task_event_id;
CREATE INDEX ix_event_log_task_event ON event_log (task_event_id);
ALTER TABLE event_log ADD CONSTRAINT FK_event_log_task_event_id FOREIGN KEY (task_event_id) REFERENCES task_event (id);
