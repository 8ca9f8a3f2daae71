-- Engage schema, version 2: row versions for the entity sets people edit (OData ETags), and the reply link of a publication.
-- RowVersion starts at 1. The OData engine's UPDATE bumps it when a value really changes; the triggers below bump it
-- when any other writer (a sync, the scheduler) really changes a published column, and leave it alone when an upsert
-- writes the same values again (so an identical re-sync keeps every ETag). The version is not an EDM property: it is
-- published as @odata.etag / ETag, W/"<RowVersion>".

ALTER TABLE Publications ADD COLUMN InReplyToInteractionId INTEGER REFERENCES Interactions(Id);
CREATE INDEX IX_Publications_InReplyTo ON Publications(InReplyToInteractionId);

ALTER TABLE Workspaces ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_Workspaces_RowVersion AFTER UPDATE ON Workspaces
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.Name IS NOT NEW.Name
        OR OLD.TimeZone IS NOT NEW.TimeZone
        OR OLD.CreatedAt IS NOT NEW.CreatedAt)
BEGIN
    UPDATE Workspaces SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Connections ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
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
        OR OLD.IntervalSeconds IS NOT NEW.IntervalSeconds)
BEGIN
    UPDATE Connections SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE ListeningQueries ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_ListeningQueries_RowVersion AFTER UPDATE ON ListeningQueries
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.Name IS NOT NEW.Name
        OR OLD.Terms IS NOT NEW.Terms
        OR OLD.ExcludedTerms IS NOT NEW.ExcludedTerms
        OR OLD.MaxTypos IS NOT NEW.MaxTypos
        OR OLD.Networks IS NOT NEW.Networks
        OR OLD.Enabled IS NOT NEW.Enabled)
BEGIN
    UPDATE ListeningQueries SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Moments ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_Moments_RowVersion AFTER UPDATE ON Moments
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.OccurredAt IS NOT NEW.OccurredAt
        OR OLD.OccurredOn IS NOT NEW.OccurredOn
        OR OLD.Network IS NOT NEW.Network
        OR OLD.ContactId IS NOT NEW.ContactId
        OR OLD.ConversationId IS NOT NEW.ConversationId
        OR OLD.InteractionId IS NOT NEW.InteractionId
        OR OLD.ConversationUrl IS NOT NEW.ConversationUrl
        OR OLD.PeopleInvolved IS NOT NEW.PeopleInvolved
        OR OLD.IsExistingCustomer IS NOT NEW.IsExistingCustomer
        OR OLD.Change IS NOT NEW.Change
        OR OLD.Category IS NOT NEW.Category
        OR OLD.Source IS NOT NEW.Source
        OR OLD.State IS NOT NEW.State
        OR OLD.LoggedBy IS NOT NEW.LoggedBy)
BEGIN
    UPDATE Moments SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Publications ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_Publications_RowVersion AFTER UPDATE ON Publications
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.AccountId IS NOT NEW.AccountId
        OR OLD.Text IS NOT NEW.Text
        OR OLD.ScheduledFor IS NOT NEW.ScheduledFor
        OR OLD.Status IS NOT NEW.Status
        OR OLD.CreatedBy IS NOT NEW.CreatedBy
        OR OLD.ApprovedBy IS NOT NEW.ApprovedBy
        OR OLD.ApprovedAt IS NOT NEW.ApprovedAt
        OR OLD.PostId IS NOT NEW.PostId
        OR OLD.Attempts IS NOT NEW.Attempts
        OR OLD.LastError IS NOT NEW.LastError
        OR OLD.InReplyToInteractionId IS NOT NEW.InReplyToInteractionId)
BEGIN
    UPDATE Publications SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Contacts ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_Contacts_RowVersion AFTER UPDATE ON Contacts
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.Network IS NOT NEW.Network
        OR OLD.ExternalId IS NOT NEW.ExternalId
        OR OLD.Handle IS NOT NEW.Handle
        OR OLD.DisplayName IS NOT NEW.DisplayName
        OR OLD.Url IS NOT NEW.Url
        OR OLD.FollowersCount IS NOT NEW.FollowersCount
        OR OLD.IsCustomer IS NOT NEW.IsCustomer
        OR OLD.Tags IS NOT NEW.Tags
        OR OLD.FirstSeenAt IS NOT NEW.FirstSeenAt
        OR OLD.LastSeenAt IS NOT NEW.LastSeenAt)
BEGIN
    UPDATE Contacts SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;

ALTER TABLE Interactions ADD COLUMN RowVersion INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER TR_Interactions_RowVersion AFTER UPDATE ON Interactions
FOR EACH ROW WHEN NEW.RowVersion = OLD.RowVersion AND (
        OLD.WorkspaceId IS NOT NEW.WorkspaceId
        OR OLD.AccountId IS NOT NEW.AccountId
        OR OLD.PostId IS NOT NEW.PostId
        OR OLD.ConversationId IS NOT NEW.ConversationId
        OR OLD.ContactId IS NOT NEW.ContactId
        OR OLD.Network IS NOT NEW.Network
        OR OLD.ExternalId IS NOT NEW.ExternalId
        OR OLD.Kind IS NOT NEW.Kind
        OR OLD.Direction IS NOT NEW.Direction
        OR OLD.Text IS NOT NEW.Text
        OR OLD.Url IS NOT NEW.Url
        OR OLD.CreatedAt IS NOT NEW.CreatedAt
        OR OLD.CreatedDate IS NOT NEW.CreatedDate
        OR OLD.Language IS NOT NEW.Language
        OR OLD.Sentiment IS NOT NEW.Sentiment
        OR OLD.SentimentScore IS NOT NEW.SentimentScore
        OR OLD.Status IS NOT NEW.Status
        OR OLD.Team IS NOT NEW.Team
        OR OLD.AssignedTo IS NOT NEW.AssignedTo
        OR OLD.RespondedAt IS NOT NEW.RespondedAt
        OR OLD.ResponseSeconds IS NOT NEW.ResponseSeconds
        OR OLD.ListeningQueryId IS NOT NEW.ListeningQueryId)
BEGIN
    UPDATE Interactions SET RowVersion = OLD.RowVersion + 1 WHERE Id = NEW.Id;
END;
