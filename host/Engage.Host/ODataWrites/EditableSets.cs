using Engage.OData.Writes;

namespace Engage.Host.ODataWrites;

/// <summary>
/// What people may change through OData, per entity set (product.md "Roles": the inbox, moments, publications,
/// listening, workspaces and connections; API keys for Admins); every other set is read-only. The same declarations drive the engine
/// (<see cref="EngageWritePolicies"/>) and the capability annotations in <c>$metadata</c> (<c>WriteCapabilities</c>).
/// </summary>
internal static class EditableSets
{
    public const string VersionColumn = "RowVersion";

    public static IReadOnlyDictionary<string, WritePolicy> Shapes { get; } = new Dictionary<string, WritePolicy>(StringComparer.Ordinal)
    {
        ["Workspaces"] = new()
        {
            Insertable = ["Name", "TimeZone", "RetentionDays", "LegalHold", "LegalHoldReason"],
            Updatable = ["Name", "TimeZone", "RetentionDays", "LegalHold", "LegalHoldReason"],
            OptionalOnInsert = ["TimeZone", "CreatedAt", "RetentionDays", "LegalHold", "LegalHoldReason", "LegalHoldChangedBy", "LegalHoldChangedAt"],
            Deletable = true,
        },
        // Settings: the connector's settings as a JSON object text; secrets are write-only (shown as "(set)").
        ["Connections"] = new()
        {
            Insertable = ["WorkspaceId", "Plugin", "Connector", "DisplayName", "IntervalSeconds", "Settings"],
            Updatable = ["DisplayName", "Status", "IntervalSeconds", "Settings"],
            OptionalOnInsert = ["Network", "Status", "IntervalSeconds", "Settings"],
            Deletable = true,
        },
        ["ListeningQueries"] = new()
        {
            Insertable = ["WorkspaceId", "Name", "Terms", "ExcludedTerms", "MaxTypos", "Networks", "Enabled"],
            Updatable = ["Name", "Terms", "ExcludedTerms", "MaxTypos", "Networks", "Enabled"],
            OptionalOnInsert = ["MaxTypos", "Enabled"],
            Deletable = true,
        },
        ["Moments"] = new()
        {
            Insertable =
            [
                "WorkspaceId", "OccurredAt", "Network", "ContactId", "ConversationId", "InteractionId", "ConversationUrl", "PeopleInvolved",
                "IsExistingCustomer", "Change", "Category", "Source", "State",
            ],
            Updatable =
            [
                "OccurredAt", "Network", "ContactId", "ConversationId", "InteractionId", "ConversationUrl", "PeopleInvolved", "IsExistingCustomer",
                "Change", "Category", "State",
            ],
            OptionalOnInsert = ["IsExistingCustomer", "Source", "State", "OccurredOn"],
            Deletable = true,
        },
        ["Publications"] = new()
        {
            Insertable = ["WorkspaceId", "AccountId", "Text", "ScheduledFor", "Status"],
            Updatable = ["AccountId", "Text", "ScheduledFor", "Status"],
            OptionalOnInsert = ["Status", "Attempts"],
            Deletable = true,
        },
        ["Contacts"] = new() { Updatable = ["IsCustomer", "Tags"] },
        ["Interactions"] = new() { Updatable = ["Status", "Team", "AssignedTo", "Sentiment"] },
    }.Select(p => KeyValuePair.Create(p.Key, p.Value with { VersionColumn = VersionColumn }))
        .Append(KeyValuePair.Create("ApiKeys", ApiKeyWrites.Shape)) // no row version: a key only ever changes when it is revoked
        .ToDictionary(StringComparer.Ordinal);
}
