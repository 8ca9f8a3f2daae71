namespace Engage.Host.Privacy.Erasure;

/// <summary>What one erasure changed: rows anonymised per table and tombstones added (none of it personal data).</summary>
internal sealed record ErasureResult(
    long WorkspaceId, IReadOnlyList<long> ContactIds, int Contacts, int Conversations, int Interactions, int Replies, int Moments, int Publications, int Tombstones)
{
    /// <summary>The counts in words, for the audit row and the command line.</summary>
    public string Summary =>
        $"contacts {Contacts}, conversations {Conversations}, interactions {Interactions} (of them replies by the account {Replies}), " +
        $"moments {Moments}, publications {Publications}, new tombstones {Tombstones}";
}
