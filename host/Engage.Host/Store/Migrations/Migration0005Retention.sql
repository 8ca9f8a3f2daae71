-- Engage schema, version 5: per-workspace retention of interaction text, legal hold, and the purge marker.
-- RetentionDays: NULL keeps text forever; otherwise the background job empties Interactions.Text once CreatedAt is older
-- than that many days. LegalHold suspends the job for the workspace; who placed or lifted it, when and why are recorded.
-- Interactions.TextPurgedAt marks a row whose text retention removed: a re-sync never writes text into such a row again.

ALTER TABLE Workspaces ADD COLUMN RetentionDays INTEGER CHECK (RetentionDays IS NULL OR RetentionDays BETWEEN 1 AND 36500);
ALTER TABLE Workspaces ADD COLUMN LegalHold INTEGER NOT NULL DEFAULT 0 CHECK (LegalHold IN (0, 1));
ALTER TABLE Workspaces ADD COLUMN LegalHoldReason TEXT;
ALTER TABLE Workspaces ADD COLUMN LegalHoldChangedBy TEXT;
ALTER TABLE Workspaces ADD COLUMN LegalHoldChangedAt TEXT;

DROP TRIGGER TR_Workspaces_RowVersion;
CREATE TRIGGER TR_Workspaces_RowVersion AFTER UPDATE ON Workspaces
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.Name IS NOT NEW.Name
        OR OLD.TimeZone IS NOT NEW.TimeZone
        OR OLD.CreatedAt IS NOT NEW.CreatedAt
        OR OLD.RetentionDays IS NOT NEW.RetentionDays
        OR OLD.LegalHold IS NOT NEW.LegalHold
        OR OLD.LegalHoldReason IS NOT NEW.LegalHoldReason
        OR OLD.LegalHoldChangedBy IS NOT NEW.LegalHoldChangedBy
        OR OLD.LegalHoldChangedAt IS NOT NEW.LegalHoldChangedAt)
BEGIN
    UPDATE Workspaces SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Interactions ADD COLUMN TextPurgedAt TEXT;

-- The purge's candidates, found without scanning the workspace's rows that have no text left.
CREATE INDEX IX_Interactions_Retention ON Interactions(WorkspaceId, CreatedAt) WHERE Text IS NOT NULL;

-- Purged stays purged, whoever writes the row (ingestion skips such text already; this is the guarantee).
CREATE TRIGGER TR_Interactions_KeepPurged AFTER UPDATE OF Text ON Interactions
FOR EACH ROW WHEN OLD.TextPurgedAt IS NOT NULL AND NEW.Text IS NOT NULL
BEGIN
    UPDATE Interactions SET Text = NULL WHERE Id = NEW.Id;
END;
