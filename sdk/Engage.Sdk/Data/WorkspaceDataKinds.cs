namespace Engage.Sdk.Data;

/// <summary>
/// The data a calculator or report template reads. A plugin declares what it needs; the host's
/// <see cref="IWorkspaceData"/> refuses reads that were not declared.
/// </summary>
[Flags]
public enum WorkspaceDataKinds
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>The workspace's own accounts.</summary>
    Accounts = 1,
    /// <summary>Posts the accounts published.</summary>
    Posts = 2,
    /// <summary>Inbound and outbound interactions.</summary>
    Interactions = 4,
    /// <summary>Network-reported daily account figures.</summary>
    AccountDailyStats = 8,
    /// <summary>Computed metric values.</summary>
    MetricValues = 16,
    /// <summary>Conversations (threads).</summary>
    Conversations = 32,
}
