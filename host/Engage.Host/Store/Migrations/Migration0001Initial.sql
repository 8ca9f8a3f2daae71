-- Engage schema, version 1: the tables behind every public entity set (product.md), plus internal state.
-- Timestamps: TEXT 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (UTC, fixed width: lexical order = time order).
-- Dates: TEXT 'yyyy-MM-dd' in the workspace's time zone. Booleans: INTEGER 0/1.

CREATE TABLE Workspaces (
    Id INTEGER PRIMARY KEY,
    Name TEXT NOT NULL UNIQUE,
    TimeZone TEXT NOT NULL DEFAULT 'UTC',
    CreatedAt TEXT NOT NULL
);

CREATE TABLE Plugins (
    Id TEXT PRIMARY KEY,
    DisplayName TEXT,
    Version TEXT,
    Kinds TEXT NOT NULL DEFAULT '',
    SdkRange TEXT,
    Status TEXT NOT NULL,
    Reason TEXT,
    Folder TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL
);

CREATE TABLE Connections (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    Plugin TEXT NOT NULL,
    Connector TEXT NOT NULL,
    Network TEXT NOT NULL,
    DisplayName TEXT NOT NULL,
    Status TEXT NOT NULL DEFAULT 'Active',
    LastSyncAt TEXT,
    NextSyncAt TEXT,
    LastError TEXT,
    IntervalSeconds INTEGER NOT NULL DEFAULT 900,
    ConsecutiveFailures INTEGER NOT NULL DEFAULT 0,
    Settings TEXT NOT NULL DEFAULT '{}',
    Secrets BLOB,
    Cursor TEXT,
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_Connections_WorkspaceId ON Connections(WorkspaceId);

CREATE TABLE SyncRuns (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    StartedAt TEXT NOT NULL,
    FinishedAt TEXT,
    Status TEXT NOT NULL,
    ItemsFetched INTEGER NOT NULL DEFAULT 0,
    ItemsNew INTEGER NOT NULL DEFAULT 0,
    Error TEXT
);
CREATE INDEX IX_SyncRuns_ConnectionId ON SyncRuns(ConnectionId, StartedAt);

CREATE TABLE Accounts (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    Network TEXT NOT NULL,
    ExternalId TEXT NOT NULL,
    Handle TEXT NOT NULL,
    DisplayName TEXT,
    Url TEXT,
    FollowersCount INTEGER,
    FollowingCount INTEGER,
    PostsCount INTEGER,
    UNIQUE (ConnectionId, ExternalId)
);
CREATE INDEX IX_Accounts_WorkspaceId ON Accounts(WorkspaceId);

CREATE TABLE Contacts (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    Network TEXT NOT NULL,
    ExternalId TEXT NOT NULL,
    Handle TEXT NOT NULL,
    DisplayName TEXT,
    Url TEXT,
    FollowersCount INTEGER,
    IsCustomer INTEGER NOT NULL DEFAULT 0,
    Tags TEXT,
    FirstSeenAt TEXT NOT NULL,
    LastSeenAt TEXT NOT NULL,
    UNIQUE (ConnectionId, ExternalId)
);
CREATE INDEX IX_Contacts_WorkspaceId ON Contacts(WorkspaceId);

CREATE TABLE Posts (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    AccountId INTEGER NOT NULL REFERENCES Accounts(Id),
    Network TEXT NOT NULL,
    ExternalId TEXT NOT NULL,
    Url TEXT,
    Text TEXT,
    Kind TEXT NOT NULL,
    PublishedAt TEXT NOT NULL,
    PublishedDate TEXT NOT NULL,
    Language TEXT,
    Impressions INTEGER,
    Reach INTEGER,
    Likes INTEGER,
    Comments INTEGER,
    Shares INTEGER,
    Saves INTEGER,
    Clicks INTEGER,
    VideoViews INTEGER,
    Engagements INTEGER,
    UNIQUE (ConnectionId, ExternalId)
);
CREATE INDEX IX_Posts_Workspace_Date ON Posts(WorkspaceId, PublishedDate);
CREATE INDEX IX_Posts_AccountId ON Posts(AccountId);

CREATE TABLE Conversations (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    AccountId INTEGER NOT NULL REFERENCES Accounts(Id),
    ContactId INTEGER REFERENCES Contacts(Id),
    Network TEXT NOT NULL,
    ExternalId TEXT NOT NULL,
    StartedAt TEXT NOT NULL,
    StartedDate TEXT NOT NULL,
    LastActivityAt TEXT NOT NULL,
    MessagesIn INTEGER NOT NULL DEFAULT 0,
    MessagesOut INTEGER NOT NULL DEFAULT 0,
    FirstResponseSeconds INTEGER,
    Status TEXT NOT NULL DEFAULT 'Open',
    UNIQUE (ConnectionId, ExternalId)
);
CREATE INDEX IX_Conversations_Workspace_Date ON Conversations(WorkspaceId, StartedDate);

CREATE TABLE ListeningQueries (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    Name TEXT NOT NULL,
    Terms TEXT NOT NULL,
    ExcludedTerms TEXT,
    MaxTypos INTEGER NOT NULL DEFAULT 1,
    Networks TEXT,
    Enabled INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE Interactions (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    AccountId INTEGER NOT NULL REFERENCES Accounts(Id),
    PostId INTEGER REFERENCES Posts(Id),
    ConversationId INTEGER REFERENCES Conversations(Id),
    ContactId INTEGER REFERENCES Contacts(Id),
    Network TEXT NOT NULL,
    ExternalId TEXT NOT NULL,
    InReplyToExternalId TEXT,
    Kind TEXT NOT NULL,
    Direction TEXT NOT NULL,
    Text TEXT,
    Url TEXT,
    CreatedAt TEXT NOT NULL,
    CreatedDate TEXT NOT NULL,
    Language TEXT,
    Sentiment TEXT,
    SentimentScore REAL,
    Status TEXT NOT NULL DEFAULT 'New',
    Team TEXT,
    AssignedTo TEXT,
    RespondedAt TEXT,
    ResponseSeconds INTEGER,
    ListeningQueryId INTEGER REFERENCES ListeningQueries(Id),
    UNIQUE (ConnectionId, ExternalId)
);
CREATE INDEX IX_Interactions_Workspace_Date ON Interactions(WorkspaceId, CreatedDate);
CREATE INDEX IX_Interactions_PostId ON Interactions(PostId);
CREATE INDEX IX_Interactions_ConversationId ON Interactions(ConversationId);
CREATE INDEX IX_Interactions_ContactId ON Interactions(ContactId);
CREATE INDEX IX_Interactions_InReplyTo ON Interactions(ConnectionId, InReplyToExternalId);

CREATE TABLE Moments (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    OccurredAt TEXT NOT NULL,
    OccurredOn TEXT NOT NULL,
    Network TEXT,
    ContactId INTEGER REFERENCES Contacts(Id),
    ConversationId INTEGER REFERENCES Conversations(Id),
    InteractionId INTEGER REFERENCES Interactions(Id),
    ConversationUrl TEXT,
    PeopleInvolved TEXT,
    IsExistingCustomer INTEGER NOT NULL DEFAULT 0,
    Change TEXT NOT NULL,
    Category TEXT,
    Source TEXT NOT NULL DEFAULT 'Manual',
    State TEXT NOT NULL DEFAULT 'Confirmed',
    LoggedBy TEXT
);
CREATE INDEX IX_Moments_Workspace_Date ON Moments(WorkspaceId, OccurredOn);

CREATE TABLE AccountDailyStats (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL,
    ConnectionId INTEGER NOT NULL REFERENCES Connections(Id),
    AccountId INTEGER NOT NULL REFERENCES Accounts(Id),
    Network TEXT NOT NULL,
    Date TEXT NOT NULL,
    Followers INTEGER,
    FollowersGained INTEGER,
    FollowersLost INTEGER,
    Impressions INTEGER,
    Reach INTEGER,
    ProfileVisits INTEGER,
    PageViews INTEGER,
    WebsiteClicks INTEGER,
    UNIQUE (AccountId, Date)
);
CREATE INDEX IX_AccountDailyStats_Workspace_Date ON AccountDailyStats(WorkspaceId, Date);

CREATE TABLE Metrics (
    Id INTEGER PRIMARY KEY,
    Name TEXT NOT NULL UNIQUE,
    Description TEXT NOT NULL,
    Formula TEXT NOT NULL,
    Unit TEXT NOT NULL,
    Calculator TEXT NOT NULL,
    Version TEXT NOT NULL
);

CREATE TABLE MetricValues (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    Metric TEXT NOT NULL,
    AccountId INTEGER REFERENCES Accounts(Id),
    Network TEXT,
    Period TEXT NOT NULL,
    Date TEXT NOT NULL,
    Value REAL NOT NULL,
    Numerator REAL,
    Denominator REAL,
    Calculator TEXT NOT NULL,
    CalculatorVersion TEXT NOT NULL,
    ComputedAt TEXT NOT NULL
);
CREATE INDEX IX_MetricValues_Workspace_Calculator_Date ON MetricValues(WorkspaceId, Calculator, Date);
CREATE INDEX IX_MetricValues_Metric ON MetricValues(WorkspaceId, Metric, Period, Date);

CREATE TABLE Publications (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    AccountId INTEGER NOT NULL REFERENCES Accounts(Id),
    Text TEXT NOT NULL,
    ScheduledFor TEXT,
    Status TEXT NOT NULL DEFAULT 'Draft',
    CreatedBy TEXT,
    ApprovedBy TEXT,
    ApprovedAt TEXT,
    PostId INTEGER REFERENCES Posts(Id),
    Attempts INTEGER NOT NULL DEFAULT 0,
    LastError TEXT,
    IdempotencyKey TEXT NOT NULL
);

CREATE TABLE Reports (
    Id INTEGER PRIMARY KEY,
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces(Id),
    Template TEXT NOT NULL,
    Theme TEXT NOT NULL,
    PeriodStart TEXT NOT NULL,
    PeriodEnd TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    Html TEXT NOT NULL
);

CREATE TABLE AuditEvents (
    Id INTEGER PRIMARY KEY,
    At TEXT NOT NULL,
    Actor TEXT NOT NULL,
    Action TEXT NOT NULL,
    EntitySet TEXT,
    EntityId TEXT,
    Details TEXT,
    PreviousHash TEXT NOT NULL,
    Hash TEXT NOT NULL
);

CREATE TABLE ApiKeys (
    Id INTEGER PRIMARY KEY,
    Name TEXT NOT NULL,
    Role TEXT NOT NULL,
    Prefix TEXT NOT NULL UNIQUE,
    Hash TEXT NOT NULL,
    Workspaces TEXT,
    CreatedAt TEXT NOT NULL,
    ExpiresAt TEXT,
    RevokedAt TEXT,
    LastUsedAt TEXT
);
