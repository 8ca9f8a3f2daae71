-- Engage schema, version 4: erasure tombstones (Privacy/). One row per erased contact, conversation or interaction, so
-- that a re-sync cannot bring back what was erased. A tombstone holds no personal data: not the external id, only
-- KeyHash = HMAC-SHA256(ErasureKey.Key, kind, connection, external id), which ingestion recomputes for the ids a
-- connector sends and looks up; the anonymised row keeps 'erased:' + KeyHash as its ExternalId.
-- ErasureKey holds the random 256-bit HMAC key, created by the first erasure.

CREATE TABLE ErasureKey (
    Id INTEGER PRIMARY KEY CHECK (Id = 1),
    Key BLOB NOT NULL,
    CreatedAt TEXT NOT NULL
);

CREATE TABLE Tombstones (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    Network TEXT NOT NULL,
    Kind TEXT NOT NULL,
    KeyHash TEXT NOT NULL,
    ErasedAt TEXT NOT NULL,
    UNIQUE (ConnectionId, KeyHash)
);
CREATE INDEX IX_Tombstones_Workspace ON Tombstones(WorkspaceId);

-- Finding everything about a person: moments by contact, conversation and interaction; conversations by contact.
CREATE INDEX IX_Moments_ContactId ON Moments(ContactId);
CREATE INDEX IX_Moments_ConversationId ON Moments(ConversationId);
CREATE INDEX IX_Moments_InteractionId ON Moments(InteractionId);
CREATE INDEX IX_Conversations_ContactId ON Conversations(ContactId);
