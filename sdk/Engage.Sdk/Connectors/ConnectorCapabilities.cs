namespace Engage.Sdk.Connectors;

/// <summary>What a connector can do. Each flag must be backed by the matching session interface.</summary>
[Flags]
public enum ConnectorCapabilities
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Sync from a cursor: <see cref="IPullSession"/>.</summary>
    Pull = 1,
    /// <summary>Handle webhook requests the host routes to it: <see cref="IPushSession"/>.</summary>
    Push = 2,
    /// <summary>Read an uploaded export file: <see cref="IImportSession"/>.</summary>
    Import = 4,
    /// <summary>Publish new posts: <see cref="IPublishSession"/>.</summary>
    Publish = 8,
    /// <summary>Reply to interactions: <see cref="IReplySession"/>.</summary>
    Reply = 16,
}
