using System.Globalization;

namespace Engage.Host.Privacy.Subjects;

/// <summary>The contact ids of a request, written <c>5,9</c> (the Id column of <c>/odata/Contacts</c>).</summary>
internal static class ContactIdList
{
    /// <summary>At most this many contacts per request (one person rarely has more profiles).</summary>
    public const int Max = 50;

    /// <summary>The ids of <paramref name="text"/>, or null when it is not a comma-separated list of positive whole numbers.</summary>
    public static IReadOnlyList<long>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ids = new List<long>();
        foreach (var part in text.Split(','))
        {
            if (!long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }
}
