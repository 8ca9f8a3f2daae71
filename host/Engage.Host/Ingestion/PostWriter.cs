using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>
/// Upserts posts on (connection, external id). Figures are refreshed on later syncs; a figure the
/// connector does not send again keeps its stored value.
/// </summary>
internal static class PostWriter
{
    public static async Task WriteAsync(IngestionContext context, IReadOnlyList<PostItem> posts, CancellationToken cancellationToken)
    {
        foreach (var post in posts)
        {
            var (accountId, network) = await AccountWriter.ResolveAsync(context, post.AccountExternalId, $"Post '{post.ExternalId}'", cancellationToken);
            var id = await context.FindAsync("Posts", post.ExternalId, cancellationToken);
            var publishedDate = DbTime.LocalDate(post.PublishedAt, context.Scope.Zone);
            var sql = id is null
                ? """
                  INSERT INTO Posts (WorkspaceId, ConnectionId, AccountId, Network, ExternalId, Url, Text, Kind, PublishedAt, PublishedDate, Language,
                      Impressions, Reach, Likes, Comments, Shares, Saves, Clicks, VideoViews, Engagements)
                  VALUES (@w, @c, @a, @n, @e, @u, @t, @k, @pa, @pd, @l, @imp, @reach, @likes, @comments, @shares, @saves, @clicks, @views, @eng)
                  RETURNING Id
                  """
                : """
                  UPDATE Posts SET AccountId = @a, Network = @n, Url = COALESCE(@u, Url), Text = COALESCE(@t, Text), Kind = @k,
                      PublishedAt = @pa, PublishedDate = @pd, Language = COALESCE(@l, Language),
                      Impressions = COALESCE(@imp, Impressions), Reach = COALESCE(@reach, Reach), Likes = COALESCE(@likes, Likes),
                      Comments = COALESCE(@comments, Comments), Shares = COALESCE(@shares, Shares), Saves = COALESCE(@saves, Saves),
                      Clicks = COALESCE(@clicks, Clicks), VideoViews = COALESCE(@views, VideoViews), Engagements = COALESCE(@eng, Engagements)
                  WHERE Id = @id RETURNING Id
                  """;
            await using var command = context.Command(sql)
                .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@id", id)
                .With("@a", accountId).With("@n", network).With("@e", post.ExternalId).With("@u", post.Url)
                .With("@t", post.Text).With("@k", post.Kind.ToString()).With("@pa", DbTime.Format(post.PublishedAt))
                .With("@pd", DbTime.Format(publishedDate)).With("@l", post.Language)
                .With("@imp", post.Impressions).With("@reach", post.Reach).With("@likes", post.Likes)
                .With("@comments", post.Comments).With("@shares", post.Shares).With("@saves", post.Saves)
                .With("@clicks", post.Clicks).With("@views", post.VideoViews).With("@eng", Engagements(post));
            context.Remember("Posts", post.ExternalId, await command.InsertAsync(cancellationToken));
            context.Touch(publishedDate);
            if (id is null)
            {
                context.New++;
            }
        }
    }

    /// <summary>The network's total when it reports one; otherwise the sum of the known figures; null when none is known.</summary>
    public static long? Engagements(PostItem post)
    {
        if (post.Engagements is { } total)
        {
            return total;
        }

        long?[] parts = [post.Likes, post.Comments, post.Shares, post.Saves, post.Clicks];
        return parts.Any(p => p.HasValue) ? parts.Sum(p => p ?? 0) : null;
    }
}
