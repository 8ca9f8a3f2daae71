using Engage.OData.Hosting;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>The <c>Prefer: return=minimal|representation</c> of a write request.</summary>
internal static class WritePreferences
{
    /// <summary>The <c>return</c> preference: "minimal", "representation" or null when absent.</summary>
    public static string? Return(HttpRequest request)
    {
        foreach (var header in request.Headers[ODataHeaders.Prefer])
        {
            foreach (var item in (header ?? string.Empty).Split(','))
            {
                var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Equals("return", StringComparison.OrdinalIgnoreCase))
                {
                    var value = parts[1].Trim('"').ToLowerInvariant();
                    if (value is "minimal" or "representation")
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }
}
