using Engage.Host.ODataModel;
using Microsoft.OData.Edm;

namespace Engage.Host.Records.Archive;

/// <summary>
/// The files of an archive, in the order they are written, each with its rows: the posts and interactions of the
/// period, then the conversations, contacts and accounts they reference (so the package is self-contained). Columns
/// are the OData properties of the entity set (names are the public contract), plus, for interactions, the internal
/// <c>InReplyToExternalId</c> and <c>TextPurgedAt</c> (when retention emptied the text). Dates are compared as the
/// stored <c>yyyy-MM-dd</c> texts, so <c>@from</c>/<c>@to</c> include both days.
/// </summary>
internal static class ArchiveFiles
{
    private const string PeriodInteractions = "SELECT {0} FROM Interactions WHERE WorkspaceId = @w AND CreatedDate BETWEEN @from AND @to";
    private const string PeriodPosts = "SELECT {0} FROM Posts WHERE WorkspaceId = @w AND PublishedDate BETWEEN @from AND @to";

    private static readonly IEdmModel Model = EngageModel.Build();

    public static IReadOnlyList<ArchiveFileQuery> All { get; } =
    [
        Query("posts.jsonl", "Posts", "WorkspaceId = @w AND PublishedDate BETWEEN @from AND @to"),
        Query("interactions.jsonl", "Interactions", "WorkspaceId = @w AND CreatedDate BETWEEN @from AND @to",
            new ArchiveColumn("InReplyToExternalId", EdmPrimitiveTypeKind.String), new ArchiveColumn("TextPurgedAt", EdmPrimitiveTypeKind.DateTimeOffset)),
        Query("conversations.jsonl", "Conversations", $"WorkspaceId = @w AND Id IN ({Format(PeriodInteractions, "ConversationId")})"),
        Query("contacts.jsonl", "Contacts",
            $"WorkspaceId = @w AND (Id IN ({Format(PeriodInteractions, "ContactId")}) OR Id IN (SELECT ContactId FROM Conversations WHERE Id IN ({Format(PeriodInteractions, "ConversationId")})))"),
        Query("accounts.jsonl", "Accounts",
            $"WorkspaceId = @w AND (Id IN ({Format(PeriodPosts, "AccountId")}) OR Id IN ({Format(PeriodInteractions, "AccountId")}))"),
    ];

    private static string Format(string sql, string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, column);

    private static ArchiveFileQuery Query(string file, string entitySet, string where, params ArchiveColumn[] extra)
    {
        var type = Model.EntityContainer.FindEntitySet(entitySet).EntityType();
        var columns = type.StructuralProperties()
            .Select(p => new ArchiveColumn(p.Name, p.Type.AsPrimitive().PrimitiveKind()))
            .Concat(extra)
            .ToList();

        // Names come from the model and this file only, never from input.
        var sql = $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {entitySet} WHERE {where} ORDER BY Id";
        return new ArchiveFileQuery(file, entitySet, columns, sql);
    }
}

/// <summary>One file of an archive and the query that fills it.</summary>
internal sealed record ArchiveFileQuery(string FileName, string EntitySet, IReadOnlyList<ArchiveColumn> Columns, string Sql);
