using Microsoft.OData.Edm;
using K = Microsoft.OData.Edm.EdmPrimitiveTypeKind;

namespace Engage.Host.ODataModel;

/// <summary>
/// The public OData model (product.md): entity set and property names are a contract with analysts.
/// Each entity set is backed by the table of the same name, each property by the column of the same name;
/// internal columns (cursors, secrets, hashes) are simply not declared (exceptions: <see cref="Columns"/>). Nullability matches the schema,
/// so a property declared non-nullable never carries a null.
/// </summary>
internal static class EngageModel
{
    public const string Namespace = "Engage";

    private static readonly EntitySetDefinition[] Sets =
    [
        new("Workspaces", "Workspace",
        [
            P("Name", K.String, false), P("TimeZone", K.String, false), P("CreatedAt", K.DateTimeOffset, false), P("RetentionDays", K.Int64),
            P("LegalHold", K.Boolean, false), P("LegalHoldReason", K.String), P("LegalHoldChangedBy", K.String), P("LegalHoldChangedAt", K.DateTimeOffset),
        ]),
        new("Accounts", "Account",
        [
            P("WorkspaceId", K.Int64, false), P("ConnectionId", K.Int64, false), P("Network", K.String, false), P("ExternalId", K.String, false),
            P("Handle", K.String, false), P("DisplayName", K.String), P("Url", K.String), P("FollowersCount", K.Int64), P("FollowingCount", K.Int64),
            P("PostsCount", K.Int64),
        ]),
        new("Posts", "Post",
        [
            P("WorkspaceId", K.Int64, false), P("AccountId", K.Int64, false), P("Network", K.String, false), P("ExternalId", K.String, false),
            P("Url", K.String), P("Text", K.String), P("Kind", K.String, false), P("PublishedAt", K.DateTimeOffset, false), P("PublishedDate", K.Date, false),
            P("Language", K.String), P("Impressions", K.Int64), P("Reach", K.Int64), P("Likes", K.Int64), P("Comments", K.Int64), P("Shares", K.Int64),
            P("Saves", K.Int64), P("Clicks", K.Int64), P("VideoViews", K.Int64), P("Engagements", K.Int64),
        ]),
        new("Interactions", "Interaction",
        [
            P("WorkspaceId", K.Int64, false), P("AccountId", K.Int64, false), P("PostId", K.Int64), P("ConversationId", K.Int64), P("ContactId", K.Int64),
            P("Network", K.String, false), P("ExternalId", K.String, false), P("Kind", K.String, false), P("Direction", K.String, false), P("Text", K.String),
            P("Url", K.String), P("CreatedAt", K.DateTimeOffset, false), P("CreatedDate", K.Date, false), P("Language", K.String), P("Sentiment", K.String),
            P("SentimentScore", K.Double), P("Status", K.String, false), P("Team", K.String), P("AssignedTo", K.String), P("RespondedAt", K.DateTimeOffset),
            P("ResponseSeconds", K.Int64), P("ListeningQueryId", K.Int64),
        ]),
        new("Contacts", "Contact",
        [
            P("WorkspaceId", K.Int64, false), P("Network", K.String, false), P("ExternalId", K.String, false), P("Handle", K.String, false),
            P("DisplayName", K.String), P("Url", K.String), P("FollowersCount", K.Int64), P("IsCustomer", K.Boolean, false), P("Tags", K.String),
            P("FirstSeenAt", K.DateTimeOffset, false), P("LastSeenAt", K.DateTimeOffset, false),
        ]),
        new("Conversations", "Conversation",
        [
            P("WorkspaceId", K.Int64, false), P("AccountId", K.Int64, false), P("ContactId", K.Int64), P("Network", K.String, false),
            P("StartedAt", K.DateTimeOffset, false), P("StartedDate", K.Date, false), P("LastActivityAt", K.DateTimeOffset, false),
            P("MessagesIn", K.Int64, false), P("MessagesOut", K.Int64, false), P("FirstResponseSeconds", K.Int64), P("Status", K.String, false),
        ]),
        new("Moments", "Moment",
        [
            P("WorkspaceId", K.Int64, false), P("OccurredAt", K.DateTimeOffset, false), P("OccurredOn", K.Date, false), P("Network", K.String),
            P("ContactId", K.Int64), P("ConversationId", K.Int64), P("InteractionId", K.Int64), P("ConversationUrl", K.String), P("PeopleInvolved", K.String),
            P("IsExistingCustomer", K.Boolean, false), P("Change", K.String, false), P("Category", K.String), P("Source", K.String, false),
            P("State", K.String, false), P("LoggedBy", K.String),
        ]),
        new("AccountDailyStats", "AccountDailyStat",
        [
            P("WorkspaceId", K.Int64, false), P("AccountId", K.Int64, false), P("Network", K.String, false), P("Date", K.Date, false),
            P("Followers", K.Int64), P("FollowersGained", K.Int64), P("FollowersLost", K.Int64), P("Impressions", K.Int64), P("Reach", K.Int64),
            P("ProfileVisits", K.Int64), P("PageViews", K.Int64), P("WebsiteClicks", K.Int64),
        ]),
        new("MetricValues", "MetricValue",
        [
            P("WorkspaceId", K.Int64, false), P("Metric", K.String, false), P("AccountId", K.Int64), P("Network", K.String), P("Period", K.String, false),
            P("Date", K.Date, false), P("Value", K.Double, false), P("Numerator", K.Double), P("Denominator", K.Double), P("Calculator", K.String, false),
            P("CalculatorVersion", K.String, false), P("ComputedAt", K.DateTimeOffset, false),
        ]),
        new("Metrics", "Metric",
        [
            P("Name", K.String, false), P("Description", K.String, false), P("Formula", K.String, false), P("Unit", K.String, false),
            P("Calculator", K.String, false), P("Version", K.String, false),
        ]),
        new("ListeningQueries", "ListeningQuery",
        [
            P("WorkspaceId", K.Int64, false), P("Name", K.String, false), P("Terms", K.String, false), P("ExcludedTerms", K.String),
            P("MaxTypos", K.Int32, false), P("Networks", K.String), P("Enabled", K.Boolean, false),
        ]),
        new("Publications", "Publication",
        [
            P("WorkspaceId", K.Int64, false), P("AccountId", K.Int64, false), P("Text", K.String, false), P("ScheduledFor", K.DateTimeOffset),
            P("Status", K.String, false), P("CreatedBy", K.String), P("ApprovedBy", K.String), P("ApprovedAt", K.DateTimeOffset), P("PostId", K.Int64),
            P("Attempts", K.Int32, false), P("LastError", K.String), P("InReplyToInteractionId", K.Int64),
        ]),
        new("Reports", "Report",
        [
            P("WorkspaceId", K.Int64, false), P("Template", K.String, false), P("Theme", K.String, false), P("PeriodStart", K.Date, false),
            P("PeriodEnd", K.Date, false), P("CreatedAt", K.DateTimeOffset, false),
        ]),
        new("Connections", "Connection",
        [
            P("WorkspaceId", K.Int64, false), P("Plugin", K.String, false), P("Connector", K.String, false), P("Network", K.String, false),
            P("DisplayName", K.String, false), P("Status", K.String, false), P("LastSyncAt", K.DateTimeOffset), P("NextSyncAt", K.DateTimeOffset),
            P("LastError", K.String), P("IntervalSeconds", K.Int32, false), P("Settings", K.String, false),
        ]),
        new("SyncRuns", "SyncRun",
        [
            P("WorkspaceId", K.Int64, false), P("ConnectionId", K.Int64, false), P("StartedAt", K.DateTimeOffset, false), P("FinishedAt", K.DateTimeOffset),
            P("Status", K.String, false), P("ItemsFetched", K.Int64, false), P("ItemsNew", K.Int64, false), P("Error", K.String),
        ]),
        new("Plugins", "Plugin",
        [
            P("DisplayName", K.String), P("Version", K.String), P("Kinds", K.String, false), P("SdkRange", K.String), P("Status", K.String, false),
            P("Reason", K.String),
        ], KeyKind: K.String),
        new("ApiKeys", "ApiKey",
        [
            P("Name", K.String, false), P("Role", K.String, false), P("Workspaces", K.String), P("Prefix", K.String, false),
            P("CreatedAt", K.DateTimeOffset, false), P("ExpiresAt", K.DateTimeOffset), P("RevokedAt", K.DateTimeOffset), P("LastUsedAt", K.DateTimeOffset),
            P("Secret", K.String),
        ]),
        new("AuditEvents", "AuditEvent",
        [
            P("At", K.DateTimeOffset, false), P("Actor", K.String, false), P("Action", K.String, false), P("EntitySet", K.String), P("EntityId", K.String),
            P("Details", K.String), P("Hash", K.String, false),
        ]),
    ];

    /// <summary>
    /// The navigation properties, one pair per foreign key: the dependent's single-valued navigation (named after
    /// the principal's type) with the referential constraint, and the principal's collection (named after the
    /// dependent set). A nullable foreign key gives a nullable single-valued navigation.
    /// </summary>
    private static readonly NavigationDefinition[] Navigations =
    [
        new("Accounts", "WorkspaceId", "Workspaces", "Workspace", "Accounts"),
        new("Accounts", "ConnectionId", "Connections", "Connection", "Accounts"),
        new("Connections", "WorkspaceId", "Workspaces", "Workspace", "Connections"),
        new("SyncRuns", "ConnectionId", "Connections", "Connection", "SyncRuns"),
        new("Posts", "AccountId", "Accounts", "Account", "Posts"),
        new("Interactions", "AccountId", "Accounts", "Account", "Interactions"),
        new("Interactions", "PostId", "Posts", "Post", "Interactions"),
        new("Interactions", "ConversationId", "Conversations", "Conversation", "Interactions"),
        new("Interactions", "ContactId", "Contacts", "Contact", "Interactions"),
        new("Interactions", "ListeningQueryId", "ListeningQueries", "ListeningQuery", "Interactions"),
        new("Conversations", "AccountId", "Accounts", "Account", "Conversations"),
        new("Conversations", "ContactId", "Contacts", "Contact", "Conversations"),
        new("Moments", "ContactId", "Contacts", "Contact", "Moments"),
        new("Moments", "ConversationId", "Conversations", "Conversation", "Moments"),
        new("Moments", "InteractionId", "Interactions", "Interaction", "Moments"),
        new("AccountDailyStats", "AccountId", "Accounts", "Account", "AccountDailyStats"),
        new("MetricValues", "AccountId", "Accounts", "Account", "MetricValues"),
        new("Publications", "AccountId", "Accounts", "Account", "Publications"),
        new("Publications", "PostId", "Posts", "Post", "Publications"),
        new("Publications", "InReplyToInteractionId", "Interactions", "InReplyTo", "Replies"),
    ];

    /// <summary>The names of every entity set, each backed by the table of the same name.</summary>
    public static IReadOnlyList<string> EntitySetNames { get; } = Sets.Select(s => s.Name).ToList();

    /// <summary>
    /// The properties whose column has another name, by entity set: ApiKeys.Prefix is the generated <c>DisplayPrefix</c>
    /// (<c>engage_</c> and the stored lookup prefix, as the key starts).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Columns { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["ApiKeys"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["Prefix"] = "DisplayPrefix" },
        };

    public static EdmModel Build()
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "Container");
        model.AddElement(container);
        foreach (var set in Sets)
        {
            var type = new EdmEntityType(Namespace, set.TypeName);
            var key = type.AddStructuralProperty("Id", set.KeyKind, isNullable: false);
            type.AddKeys(key);
            foreach (var property in set.Properties)
            {
                type.AddStructuralProperty(property.Name, property.Kind, property.Nullable);
            }

            model.AddElement(type);
            container.AddEntitySet(set.Name, type);
        }

        foreach (var navigation in Navigations)
        {
            AddNavigation(container, navigation);
        }

        EngageActions.AddTo(model);
        WriteCapabilities.Annotate(model, ODataWrites.EditableSets.Shapes);

        return model;
    }

    private static void AddNavigation(EdmEntityContainer container, NavigationDefinition navigation)
    {
        var dependentSet = (EdmEntitySet)container.FindEntitySet(navigation.DependentSet);
        var principalSet = (EdmEntitySet)container.FindEntitySet(navigation.PrincipalSet);
        var dependent = (EdmEntityType)dependentSet.EntityType();
        var principal = (EdmEntityType)principalSet.EntityType();
        var foreignKey = (IEdmStructuralProperty)dependent.FindProperty(navigation.ForeignKey);
        var toPrincipal = dependent.AddBidirectionalNavigation(
            new EdmNavigationPropertyInfo
            {
                Name = navigation.ToPrincipal,
                Target = principal,
                TargetMultiplicity = foreignKey.Type.IsNullable ? EdmMultiplicity.ZeroOrOne : EdmMultiplicity.One,
                DependentProperties = [foreignKey],
                PrincipalProperties = principal.Key(),
            },
            new EdmNavigationPropertyInfo { Name = navigation.ToDependents, Target = dependent, TargetMultiplicity = EdmMultiplicity.Many });
        dependentSet.AddNavigationTarget(toPrincipal, principalSet);
        principalSet.AddNavigationTarget(toPrincipal.Partner, dependentSet);
    }

    private static PropertyDefinition P(string name, EdmPrimitiveTypeKind kind, bool nullable = true) => new(name, kind, nullable);

    private sealed record PropertyDefinition(string Name, EdmPrimitiveTypeKind Kind, bool Nullable);

    private sealed record NavigationDefinition(string DependentSet, string ForeignKey, string PrincipalSet, string ToPrincipal, string ToDependents);

    private sealed record EntitySetDefinition(string Name, string TypeName, PropertyDefinition[] Properties, EdmPrimitiveTypeKind KeyKind = K.Int64);
}
