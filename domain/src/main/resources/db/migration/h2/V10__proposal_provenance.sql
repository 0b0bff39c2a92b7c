-- A model's text that waits beside an image's current one keeps what made it: provider, model,
-- prompt version, input hash and task. The current text keeps its own until a person takes the
-- proposal (dev.glimpse.domain.image.ImageAsset).

ALTER TABLE image_asset ADD COLUMN proposed_provider VARCHAR(32);
ALTER TABLE image_asset ADD COLUMN proposed_model VARCHAR(200);
ALTER TABLE image_asset ADD COLUMN proposed_prompt_version VARCHAR(32);
ALTER TABLE image_asset ADD COLUMN proposed_input_hash VARCHAR(64);
ALTER TABLE image_asset ADD COLUMN proposed_by_task VARCHAR(36);
