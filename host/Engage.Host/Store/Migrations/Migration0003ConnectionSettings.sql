-- Connections.Settings is published (OData property Settings: the non-secret settings and "(set)" per secret that is
-- set; the secrets stay encrypted in Secrets), so a change of it by another writer bumps the ETag too.
DROP TRIGGER TR_Connections_RowVersion;
CREATE TRIGGER TR_Connections_RowVersion AFTER UPDATE ON Connections
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.Plugin IS NOT NEW.Plugin
        OR OLD.Connector IS NOT NEW.Connector
        OR OLD.Network IS NOT NEW.Network
        OR OLD.DisplayName IS NOT NEW.DisplayName
        OR OLD.Status IS NOT NEW.Status
        OR OLD.LastSyncAt IS NOT NEW.LastSyncAt
        OR OLD.NextSyncAt IS NOT NEW.NextSyncAt
        OR OLD.LastError IS NOT NEW.LastError
        OR OLD.IntervalSeconds IS NOT NEW.IntervalSeconds
        OR OLD.Settings IS NOT NEW.Settings)
BEGIN
    UPDATE Connections SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;
