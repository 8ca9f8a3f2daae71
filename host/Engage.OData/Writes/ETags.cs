using System.Globalization;
using Engage.OData.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engage.OData.Writes;

/// <summary>
/// Weak entity tags from a row's version (<c>W/"3"</c>) and the <c>If-Match</c> precondition: <c>*</c> matches
/// any existing entity, a list matches when one of its tags is the current one (weak comparison), a stale tag
/// answers 412. Without <c>If-Match</c> the write goes ahead unless the set requires it (428).
/// </summary>
internal static class ETags
{
    public static string Format(long version) => "W/\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Check(HttpRequest request, long? currentVersion, bool required)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            if (required && currentVersion is not null)
            {
                throw new ODataRequestException(StatusCodes.Status428PreconditionRequired, "PreconditionRequired",
                    "This entity set needs 'If-Match' with the entity's ETag (from its '@odata.etag' or the ETag header).");
            }

            return;
        }

        if (!EntityTagHeaderValue.TryParseList(header.ToArray()!, out var tags) || tags.Count == 0)
        {
            throw ODataRequestException.BadRequest("'If-Match' is not a list of entity tags.");
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return;
        }

        if (currentVersion is not { } version || !tags.Any(t => t.Tag.Equals(Quoted(version))))
        {
            throw new ODataRequestException(StatusCodes.Status412PreconditionFailed, "PreconditionFailed",
                "The entity changed since you read it ('If-Match' does not match its current ETag): read it again and retry.");
        }
    }

    private static string Quoted(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
